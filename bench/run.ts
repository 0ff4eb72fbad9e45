import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { projectRoot } from '../src/common/paths';
import { startEnvironment } from './environment';
import { Driver } from 'neo4j-driver';
import { GeneratedGraph, generateGraph } from './generate';
import { checkCounts, restoreGeneratedGraph } from './generate/restore';
import { cpuTimes, loadAverage, machineInfo, referenceWorkMs, RssSampler, rssMb, stealPercent } from './machine';
import { measureCli } from './measure/cli';
import { measureDataChangeImpact, measureDatasetDiff } from './measure/diff';
import { measureEventStore } from './measure/event-store';
import { measureFirstCalls } from './measure/first-call';
import { compiledBetween, PlanCacheCounts, planCacheCounts } from './measure/plan-cache';
import { HeapPeak, HeapPeaks } from './measure/heap-peaks';
import { freeResultStem } from './results-file';
import { IngestionCase, IngestionWarmUp, measureIngestionInTurns, warmIngestion } from './measure/ingestion';
import { measureMetrics } from './measure/metrics';
import { measureOutcomes } from './measure/outcomes';
import { measureStatements } from './measure/statements';
import { readStatementTotals, StatementShare, topStatements } from './measure/statement-profile';
import { TraversalPhase, traversalPhase } from './measure/traversal-phase';
import { measureUiRender } from './measure/ui-render';
import { PostgresCluster, startPostgres } from './postgres/cluster';
import { loadIntoPostgres, PostgresGraph } from './postgres/load';
import { Random } from './random';
import { BenchResult, checkTargets, NOISY_LOAD, NOISY_STEAL, toMarkdown } from './report';
import { SCALES } from './scales';

/** OpenLineage cases are timed in this many turns spread over the phase (measureIngestionInTurns). */
const INGESTION_TURNS = 4;
const PARTS = ['traversals', 'statements', 'ingestion', 'eventStore', 'metrics', 'outcomes', 'quality', 'ui', 'cli'] as const;
/** Parts that write through the service: what they wrote is taken out after them (after eventStore, which reads ingestion's). */
const WRITES: readonly string[] = ['ingestion', 'metrics', 'outcomes', 'ui'];

/** `npm run bench -- --scale small|medium|large [--out dir] [--reps n]`: see bench/README.md. */
const program = new Command('bench')
  .addOption(new Option('--scale <scale>', 'graph size').choices(Object.keys(SCALES)).default('small'))
  .option('--out <dir>', 'where results are written', path.join(projectRoot, 'bench', 'results'))
  .option('--reps <n>', 'timed repetitions per latency case (default: per scale)', (v) => Number(v))
  .option('--data <dir>', 'keep the Neo4j data here and reuse a graph loaded by an earlier run (for trying changes)')
  .option('--settle <seconds>', 'wait up to this long before each part for the 1-minute load average to fall below 1 (default: per scale)', (v) => Number(v))
  .option('--no-postgres', 'leave out the PostgreSQL comparison')
  .addOption(new Option('--only <parts...>', 'measure only these parts').choices(PARTS))
  .parse();
const opts = program.opts<{ scale: string; out: string; reps?: number; data?: string; settle?: number; postgres: boolean; only?: string[] }>();
const runs = (part: (typeof PARTS)[number]) => !opts.only || opts.only.includes(part);
const scale = { ...SCALES[opts.scale], ...(opts.reps ? { reps: opts.reps } : {}), ...(opts.settle !== undefined ? { settleSeconds: opts.settle } : {}) };
const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  log(`scale ${scale.name}: starting a throwaway Neo4j and the service`);
  const loads: Record<string, number> = { start: loadAverage() };
  const steal: Record<string, number> = {};
  const referenceMs: Record<string, number> = { start: referenceWorkMs() };
  const env = await startEnvironment(scale, log, opts.data && path.resolve(opts.data));
  let pg: PostgresCluster | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void Promise.allSettled([pg?.stop(), env.stop()]).finally(() => process.exit(130)));
  }
  const sampler = new RssSampler(env.servicePid);
  const memory: Record<string, number> = {};
  const heapPeaks = new HeapPeaks(env.heapLog);
  const heap: Record<string, HeapPeak> = {};
  const rnd = new Random(7);
  try {
    memory['at rest after start'] = rssMb(env.servicePid) ?? NaN;
    const graph = await loadOrGenerate(env.driver, log);
    // Before anything asks the service anything (a graph loaded just now makes Neo4j replan: meaningful
    // with --data reused); what it writes (two metric points, one OpenLineage event) is taken out again.
    const firstCallSince = new Date();
    const firstCalls = await measureFirstCalls(env.url, graph, env.driver);
    log(`first call after start-up, ms (then again): ${firstCalls.map((c) => `${c.operation} ${c.firstMs} (${c.secondMs}; compiled ${c.compiled ?? '?'})`).join(', ')}`);
    await restoreGeneratedGraph(env.driver, graph, firstCallSince);
    let postgres: (PostgresGraph & { settings: string[] }) | null = null;
    if (opts.postgres && runs('traversals')) {
      loads['PostgreSQL load'] = loadAverage();
      pg = await startPostgres(scale.pageCacheMb, log);
      postgres = { ...(await loadIntoPostgres(env.driver, pg.client)), settings: pg.settings };
      log(`  PostgreSQL: ${postgres.nodes.toLocaleString('en')} nodes, ${postgres.edges.toLocaleString('en')} edges copied from Neo4j and indexed in ${postgres.loadSeconds} s (${postgres.sizeMb} MB)`);
    }
    await pause(2000);
    memory['at rest, graph loaded'] = rssMb(env.servicePid) ?? NaN;

    const profile: Record<string, StatementShare[]> = {};
    const compiles: Record<string, PlanCacheCounts> = {};
    let before = await readStatementTotals(env.url);
    const failures: Record<string, string> = {};
    /** Runs one part (unless --only leaves it out), then notes its memory peak and heaviest statements. */
    const part = async <T>(name: (typeof PARTS)[number], phase: string, skipped: T, work: () => Promise<T>): Promise<T> => {
      if (!runs(name)) return skipped;
      loads[name] = await settle(scale.settleSeconds ?? 0);
      if (loads[name] > NOISY_LOAD) log(`${name}: load average ${loads[name]} at the start: its figures are noisy`);
      referenceMs[name] = referenceWorkMs();
      sampler.takePeak();
      heapPeaks.takePeak();
      const started = new Date(Date.now() - 1000);
      const compilesBefore = await planCacheCounts(env.driver);
      const cpuBefore = cpuTimes();
      // A part that fails is reported as failed and the run goes on: the other parts' figures stand.
      const result = await work().catch((e: Error) => {
        failures[name] = `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`;
        log(`${name} failed: ${failures[name]}`);
        return skipped;
      });
      const stolen = stealPercent(cpuBefore, cpuTimes());
      if (stolen !== undefined) steal[name] = stolen;
      if ((stolen ?? 0) > NOISY_STEAL) log(`${name}: the host took ${stolen}% of the CPU time during it: its figures are noisy`);
      memory[`peak: ${phase}`] = sampler.takePeak();
      heap[`peak: ${phase}`] = heapPeaks.takePeak();
      const after = await readStatementTotals(env.url);
      profile[phase] = topStatements(before, after);
      const compiled = compiledBetween(compilesBefore, await planCacheCounts(env.driver));
      if (compiled) compiles[phase] = compiled;
      before = after;
      if (WRITES.includes(name)) written ??= { by: name, since: started };
      if (written && !(name === 'ingestion' && runs('eventStore'))) {
        const { deletedNodes, deletedRelationships } = await restoreGeneratedGraph(env.driver, graph, written.since);
        log(`  took out what ${written.by} wrote (${deletedNodes} nodes, ${deletedRelationships} more relationships): the graph is the generated one again`);
        written = null;
      }
      return result;
    };
    let written: { by: string; since: Date } | null = null;

    const { traversals, concurrentImpact, closuresCompared, warmUp, floors } = await part<TraversalPhase>('traversals', 'traversals and impact under load', { traversals: [], concurrentImpact: null, closuresCompared: 0, warmUp: null, floors: null },
      () => traversalPhase(env.url, env.driver, graph, scale, rnd, log, pg?.client));
    await pg?.stop(); // the comparison is done: nothing else should share the machine with the service
    pg = undefined;
    const statements = await part('statements', 'list queries', [], async () => {
      const s = await measureStatements(env.url);
      log(`statements per list query: ${s.map((c) => c.statements.join('→')).join(', ')}`);
      return s;
    });
    const { cases: ingestion, warmUp: ingestionWarmUp } = await part<{ cases: IngestionCase[]; warmUp: IngestionWarmUp | null }>('ingestion', 'OpenLineage ingestion', { cases: [], warmUp: null }, async () => {
      const warm = await warmIngestion(env.url, graph.datasets, scale.warmSeconds ?? 0, rnd);
      log(`OpenLineage warm-up: ${warm.events} events over ${warm.seconds} s`);
      const compilesBefore = await planCacheCounts(env.driver);
      const c = await measureIngestionInTurns(env.url, graph.datasets, scale.olRuns, rnd, INGESTION_TURNS, env.cpu);
      const compiledTimed = compiledBetween(compilesBefore, await planCacheCounts(env.driver));
      log(`OpenLineage: ${c.map((x) => `${x.mode}×${x.concurrency} ${x.eventsPerSecond}/s`).join(', ')}; compiled during the timed turns: ${compiledTimed ? `${compiledTimed.compiled} (${compiledTimed.replanned} replanned)` : 'not counted'}`);
      return { cases: c, warmUp: { ...warm, compiledTimed } };
    });
    // What the ingestion phase left in the raw event store (none when it was left out).
    const eventStore = await part('eventStore', 'event store size', null, async () => {
      const e = await measureEventStore(env.driver);
      log(`event store: ${e.events} events, ${e.jsonBytes.mean} B of JSON per event (p95 ${e.jsonBytes.p95}), ${e.propertyBytesPerEvent} B of properties`);
      return e;
    });
    const metrics = await part('metrics', 'recordMetrics', [], async () => {
      const c = await measureMetrics(env.url, graph.models, scale.metricPoints);
      log(`recordMetrics: ${c.map((x) => `×${x.concurrency} ${x.pointsPerSecond} points/s`).join(', ')}`);
      return c;
    });
    const outcomes = await part('outcomes', 'POST /api/v1/outcomes', [], async () => {
      const c = await measureOutcomes(env.url, graph.models, scale.outcomes ?? 100_000);
      log(`outcomes: ${c.map((x) => `×${x.concurrency} ${x.outcomesPerSecond} outcomes/s`).join(', ')}`);
      return c;
    });
    const quality = await part('quality', 'datasetDiff, dataChangeImpact', [], async () => {
      const q = [
        await measureDatasetDiff(env.url, graph.datasets, scale.reps, scale.warmup, rnd),
        await measureDataChangeImpact(env.url, graph.datasets, scale.reps, scale.warmup, rnd),
      ];
      log(`quality: ${q.map((x) => `${x.operation} p95 ${x.latency?.p95 ?? x.note} ms`).join(', ')}`);
      return q;
    });
    const uiRender = await part('ui', 'web UI: first render of a ~1,000-node lineage', null, async () => {
      const u = await measureUiRender(env.url, Math.min(scale.reps, 5), log);
      if (u) log(`ui: ${u.nodes} nodes drawn, first render p50 ${u.firstRender.p50} ms (layout and paint p50 ${u.layout.p50} ms)`);
      return u;
    });
    const cli = await part('cli', 'modelgraph CLI (spawned processes)', [], async () => {
      const c = await measureCli(env.url, env.driver, graph, Math.min(scale.reps, 10), new Random(11));
      log(`cli: ${c.map((x) => `${x.command}${x.reached === null ? '' : ` (${x.reached} nodes)`} p50 ${x.latency.p50} ms`).join(', ')}`);
      return c;
    });
    await pause(3000);
    memory['at rest after the load'] = rssMb(env.servicePid) ?? NaN;
    loads.end = loadAverage();

    const { datasets: _d, models: _m, featureIds: _f, serving: _s, ...graphSize } = graph;
    const partial = {
      scale: scale.name, date: new Date().toISOString(), machine: machineInfo(), neo4j: { heapMb: scale.heapMb, pageCacheMb: scale.pageCacheMb },
      loadAverage: loads, cpuSteal: steal, referenceWorkMs: referenceMs, graph: graphSize, postgres: postgres && { ...postgres, closuresCompared }, traversals, traversalWarmUp: warmUp, floors, firstCalls, concurrentImpact, statements, ingestion, ingestionWarmUp, failures, eventStore, metrics, outcomes, quality, uiRender, cli, memory, heap, profile, compiles,
    };
    const result: BenchResult = { ...partial, targets: checkTargets(partial) };
    write(result, opts.out);
    if (Object.keys(failures).length) {
      log(`failed parts: ${Object.keys(failures).join(', ')} (see the report)`);
      process.exitCode = 1;
    }
  } finally {
    sampler.stop();
    await pg?.stop();
    log('stopping the service and Neo4j');
    const shutdown = await env.stop();
    log(shutdown.killed ? 'the service did not exit within 15 s of SIGTERM: killed' : `the service exited ${shutdown.seconds} s after SIGTERM`);
  }
}

/** The graph an earlier `--data` run loaded (its description kept beside the data), else a new one. */
async function loadOrGenerate(driver: Driver, log: (msg: string) => void): Promise<GeneratedGraph> {
  const saved = opts.data && path.join(path.resolve(opts.data), 'bench-graph.json');
  if (saved && fs.existsSync(saved)) {
    log(`reusing the graph loaded earlier in ${opts.data}`);
    const graph = JSON.parse(fs.readFileSync(saved, 'utf8')) as GeneratedGraph;
    // A run stopped midway (or one made before the writing parts cleaned up) may have left writes behind.
    const restored = await checkCounts(driver, graph).then(() => null, () => restoreGeneratedGraph(driver, graph, null));
    if (restored) log(`  took out what earlier runs wrote into it (${restored.deletedNodes} nodes, ${restored.deletedRelationships} more relationships)`);
    return graph;
  }
  log('generating the graph');
  const graph = await generateGraph(driver, scale, log);
  if (saved) fs.writeFileSync(saved, JSON.stringify(graph));
  return graph;
}

/**
 * The 1-minute load average once it is below NOISY_LOAD, waiting at most `seconds` (the bench's
 * own previous part — loading the graph, a throughput case — raises it too); the value it had then.
 */
async function settle(seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  while (loadAverage() > NOISY_LOAD && Date.now() < deadline) await pause(2000);
  return loadAverage();
}

function write(result: BenchResult, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const partial = opts.only ? `-only-${opts.only.join('-')}` : '';
  const stem = freeResultStem(dir, `${result.scale}-${result.date.slice(0, 10)}${partial}`);
  const markdown = toMarkdown(result);
  fs.writeFileSync(path.join(dir, `${stem}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${stem}.md`), markdown);
  if (!partial) fs.writeFileSync(path.join(dir, `latest-${result.scale}.md`), markdown); // only a whole run is the latest
  console.log(`\n${markdown}`);
  log(`results: ${path.join(dir, stem)}.{json,md} ${partial ? '' : ` and latest-${result.scale}.md`}`);
}

main().catch((e: Error) => {
  // fetch's own message ("fetch failed") hides why: the socket error is its cause.
  console.error(`bench failed: ${e.stack ?? e.message}${e.cause ? `\ncaused by: ${e.cause instanceof Error ? e.cause.stack ?? e.cause.message : String(e.cause)}` : ''}`);
  process.exit(1);
});

import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { projectRoot } from '../src/common/paths';
import { startEnvironment } from './environment';
import { generateGraph } from './generate';
import { loadAverage, machineInfo, RssSampler, rssMb } from './machine';
import { measureDataChangeImpact, measureDatasetDiff } from './measure/diff';
import { measureIngestion } from './measure/ingestion';
import { measureMetrics } from './measure/metrics';
import { measureStatements } from './measure/statements';
import { readStatementTotals, StatementShare, topStatements } from './measure/statement-profile';
import { traversalPhase } from './measure/traversal-phase';
import { Random } from './random';
import { BenchResult, checkTargets, toMarkdown } from './report';
import { SCALES } from './scales';

/** `npm run bench -- --scale small|medium|large [--out dir] [--reps n]`: see bench/README.md. */
const program = new Command('bench')
  .addOption(new Option('--scale <scale>', 'graph size').choices(Object.keys(SCALES)).default('small'))
  .option('--out <dir>', 'where results are written', path.join(projectRoot, 'bench', 'results'))
  .option('--reps <n>', 'timed repetitions per latency case (default: per scale)', (v) => Number(v))
  .parse();
const opts = program.opts<{ scale: string; out: string; reps?: number }>();
const scale = { ...SCALES[opts.scale], ...(opts.reps ? { reps: opts.reps } : {}) };
const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  log(`scale ${scale.name}: starting a throwaway Neo4j and the service`);
  const loads: Record<string, number> = { start: loadAverage() };
  const env = await startEnvironment(scale, log);
  process.once('SIGINT', () => void env.stop().finally(() => process.exit(130)));
  const sampler = new RssSampler(env.servicePid);
  const memory: Record<string, number> = {};
  const rnd = new Random(7);
  try {
    memory['at rest after start'] = rssMb(env.servicePid) ?? NaN;
    log('generating the graph');
    const graph = await generateGraph(env.driver, scale, log);
    await pause(2000);
    memory['at rest, graph loaded'] = rssMb(env.servicePid) ?? NaN;

    loads.traversals = loadAverage();
    sampler.takePeak();
    let before = await readStatementTotals(env.url);
    const { traversals, concurrentImpact } = await traversalPhase(env.url, env.driver, graph, scale, rnd, log);
    memory['peak: traversals and impact under load'] = sampler.takePeak();
    const profile: Record<string, StatementShare[]> = {};
    const profiled = async (phase: string) => {
      const after = await readStatementTotals(env.url);
      profile[phase] = topStatements(before, after);
      before = after;
    };
    await profiled('traversals');

    const statements = await measureStatements(env.url);
    log(`statements per list query: ${statements.map((s) => s.statements.join('→')).join(', ')}`);

    loads.ingestion = loadAverage();
    const ingestion = await measureIngestion(env.url, graph.datasets, scale.olRuns, rnd);
    log(`OpenLineage: ${ingestion.map((c) => `${c.mode}×${c.concurrency} ${c.eventsPerSecond}/s`).join(', ')}`);
    memory['peak: OpenLineage ingestion'] = sampler.takePeak();
    await profiled('OpenLineage ingestion');

    loads.metrics = loadAverage();
    const metrics = await measureMetrics(env.url, graph.models, scale.metricPoints);
    log(`recordMetrics: ${metrics.map((c) => `×${c.concurrency} ${c.pointsPerSecond} points/s`).join(', ')}`);
    memory['peak: recordMetrics'] = sampler.takePeak();
    await profiled('recordMetrics');

    const quality = [
      await measureDatasetDiff(env.url, graph.datasets, scale.reps, scale.warmup, rnd),
      await measureDataChangeImpact(env.url, graph.datasets, scale.reps, scale.warmup, rnd),
    ];
    log(`quality: ${quality.map((q) => `${q.operation} p95 ${q.latency?.p95 ?? q.note} ms`).join(', ')}`);
    memory['peak: datasetDiff, dataChangeImpact'] = sampler.takePeak();
    await profiled('datasetDiff, dataChangeImpact');
    await pause(3000);
    memory['at rest after the load'] = rssMb(env.servicePid) ?? NaN;
    loads.end = loadAverage();

    const { datasets: _d, models: _m, featureIds: _f, serving: _s, ...graphSize } = graph;
    const partial = {
      scale: scale.name, date: new Date().toISOString(), machine: machineInfo(), neo4j: { heapMb: scale.heapMb, pageCacheMb: scale.pageCacheMb },
      loadAverage: loads, graph: graphSize, traversals, concurrentImpact, statements, ingestion, metrics, quality, memory, profile,
    };
    const result: BenchResult = { ...partial, targets: checkTargets(partial) };
    write(result, opts.out);
  } finally {
    sampler.stop();
    log('stopping the service and Neo4j');
    const shutdown = await env.stop();
    log(shutdown.killed ? 'the service did not exit within 15 s of SIGTERM: killed' : `the service exited ${shutdown.seconds} s after SIGTERM`);
  }
}

function write(result: BenchResult, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const stem = `${result.scale}-${result.date.slice(0, 10)}`;
  const markdown = toMarkdown(result);
  fs.writeFileSync(path.join(dir, `${stem}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${stem}.md`), markdown);
  fs.writeFileSync(path.join(dir, `latest-${result.scale}.md`), markdown);
  console.log(`\n${markdown}`);
  log(`results: ${path.join(dir, stem)}.{json,md} and latest-${result.scale}.md`);
}

main().catch((e: Error) => {
  console.error(`bench failed: ${e.stack ?? e.message}`);
  process.exit(1);
});

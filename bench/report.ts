import { FirstCallCase } from './measure/first-call';
import { MachineInfo } from './machine';
import { CliCase } from './measure/cli';
import { QualityCase } from './measure/diff';
import { EventStoreCase } from './measure/event-store';
import { IngestionCase, IngestionWarmUp } from './measure/ingestion';
import { MetricsCase } from './measure/metrics';
import { OutcomesCase } from './measure/outcomes';
import { PlanCacheCounts } from './measure/plan-cache';
import { StatementShare } from './measure/statement-profile';
import { StatementCase } from './measure/statements';
import { TraversalCase } from './measure/traversals';
import { Floors } from './measure/floors';
import { UiRenderCase } from './measure/ui-render';
import { Latency } from './stats';

/** A part that starts with the 1-minute load average above this shared the machine: its figures are noisy. */
export const NOISY_LOAD = 1.0;
/** A part during which the VM's host took more than this share (%) of the CPU time ran on a contended host: noisy. */
export const NOISY_STEAL = 5;

/** The PostgreSQL side of the comparison (absent from results written before it was measured). */
export interface PostgresInfo { nodes: number; edges: number; loadSeconds: number; sizeMb: number; settings: string[]; closuresCompared: number }

export interface LoadCase { what: string; concurrency: number; requests: number; requestsPerSecond: number; latency: Latency }

export interface BenchResult {
  scale: string;
  date: string;
  machine: MachineInfo;
  neo4j: { heapMb: number; pageCacheMb: number };
  /** 1-minute load average when each part started (above the core count: other work competed). */
  loadAverage: Record<string, number>;
  /** CPU time the host took (steal, %) during each part (absent from results written before it was measured). */
  cpuSteal?: Record<string, number>;
  /** A fixed CPU workload's time at each part's start, ms (machine.ts referenceWorkMs; absent from older results). */
  referenceWorkMs?: Record<string, number>;
  graph: { nodes: number; relationships: number; byLabel: Record<string, number>; loadSeconds: number };
  /** The same graph in PostgreSQL, and how many impact closures were checked identical (null: left out). */
  postgres?: PostgresInfo | null;
  traversals: TraversalCase[];
  /** Empty round trips to each store and the service, timed with the traversals (absent from older results). */
  floors?: Floors | null;
  /** Untimed runs of every traversal case, in equal time slices per operation, before the timings (JIT steady state). */
  traversalWarmUp?: { requests: number; seconds: number } | null;
  concurrentImpact: LoadCase | null;
  /** The first call of a few operations after start-up (and the same call right after). */
  firstCalls?: FirstCallCase[];
  statements: StatementCase[];
  ingestion: IngestionCase[];
  /** Untimed ingestion, all four cases in turns, before the timings (JIT steady state). */
  ingestionWarmUp?: IngestionWarmUp | null;
  /** The raw OpenLineage event store after the ingestion phase (null when it was not measured). */
  eventStore?: EventStoreCase | null;
  metrics: MetricsCase[];
  /** POST /api/v1/outcomes (absent from results written before it was measured). */
  outcomes?: OutcomesCase[];
  quality: QualityCase[];
  /** The web UI's time to first render of a ~1,000-node lineage (null: skipped or not asked for). */
  uiRender: UiRenderCase | null;
  /** The `modelgraph` command, timed as spawned processes (absent from results written before it was measured). */
  cli?: CliCase[];
  /** Service RSS in MB: at rest after start and after loading, and the peak of each loaded phase. */
  memory: Record<string, number>;
  /** Per part, the service's V8 heap at its largest (MB): used, total, and outside the heap (measure/heap-sampler.ts). */
  heap?: Record<string, { heapUsed: number; heapTotal: number; external: number }>;
  /** Per phase, the service's heaviest Cypher statements (its own histogram on /metrics). */
  profile: Record<string, StatementShare[]>;
  /** Statements Cypher compiled during each phase, by every client (modelgraph.planCache); absent where not counted. */
  compiles?: Record<string, PlanCacheCounts>;
  /** Parts that threw, with why: their figures are missing, the other parts' stand. */
  failures?: Record<string, string>;
  /** noisy: the part it was measured in started above NOISY_LOAD. */
  targets: { target: string; measured: string; met: boolean; noisy?: boolean }[];
}

/** The performance targets (stated for 2 cores at the large scale; evaluated at every scale for reference). */
export function checkTargets(r: Omit<BenchResult, 'targets'>): BenchResult['targets'] {
  const impacts = r.traversals.filter((t) => t.operation === 'impact' && t.reached <= 1000);
  const versusPostgres = r.traversals.filter((t) => t.operation === 'impact' && t.postgresRatioP50 != null);
  const worst = (cases: typeof versusPostgres) => cases.reduce<(typeof versusPostgres)[number] | undefined>((a, t) => (!a || t.postgresRatioP50! < a.postgresRatioP50! ? t : a), undefined);
  // PostgreSQL's p50 over the store's (what the service sends, resolve included), at the size where it is smallest.
  const pgRow = (target: string, cases: typeof versusPostgres, met: (ratio: number) => boolean) => {
    const w = worst(cases);
    const f = r.floors?.postgres ? `; empty round trip: Neo4j ${r.floors.neo4j.p50} ms, PostgreSQL ${r.floors.postgres.p50} ms` : '';
    return w ? { target, measured: `PostgreSQL / store ${w.postgresRatioP50} (worst case, p50 at ${w.reached} nodes: store ${w.raw.p50} ms, PostgreSQL ${w.postgres!.p50} ms${f})`, met: met(w.postgresRatioP50!) }
      : { target, measured: 'not measured', met: false };
  };
  const batched = r.ingestion.filter((c) => c.mode === 'batch').map((c) => c.eventsPerSecond);
  const singleBy4 = r.ingestion.filter((c) => c.mode === 'single' && c.concurrency === 4).map((c) => c.eventsPerSecond);
  const points = r.metrics.map((c) => c.pointsPerSecond);
  const peaks = Object.entries(r.memory).filter(([k]) => k.startsWith('peak')).map(([, v]) => v);
  // A part left out (--only) is reported as not measured rather than as missed.
  const row = (target: string, values: number[], measured: (v: number) => string, met: (v: number) => boolean) =>
    values.length && Number.isFinite(values[0]) ? { target, measured: measured(values[0]), met: met(values[0]) } : { target, measured: 'not measured', met: false };
  const some = (xs: number[], pick: (...v: number[]) => number) => (xs.length ? [pick(...xs)] : []);
  const noisy = (...parts: string[]) => parts.some((p) => (r.loadAverage[p] ?? 0) > NOISY_LOAD || (r.cpuSteal?.[p] ?? 0) > NOISY_STEAL);
  const rssParts = ['traversals', 'statements', 'ingestion', 'eventStore', 'metrics', 'outcomes', 'quality', 'ui'];
  return [
    { ...pgRow('store traversal (resolve + procedure) faster than the PostgreSQL CTE at every size', versusPostgres, (x) => x > 1), noisy: noisy('traversals') },
    { ...pgRow('store traversal ≥ 5× faster than the PostgreSQL CTE from ~300 nodes up', versusPostgres.filter((t) => t.size !== 'small'), (x) => x >= 5), noisy: noisy('traversals') },
  ].concat([
    { ...row('impact (≤ 1,000 downstream) p95 < 50 ms', some(impacts.map((t) => t.graphql.p95), Math.max), (v) => `${v} ms (worst case)`, (v) => v < 50), noisy: noisy('traversals') },
    { ...row('impact GraphQL / raw Cypher (p50) < 1.3', some(impacts.map((t) => t.ratioP50), Math.max), (v) => `${v} (worst case)` +
      (r.floors ? `; empty round trip: GraphQL ${r.floors.graphql.p50} ms, Neo4j ${r.floors.neo4j.p50} ms` : ''), (v) => v < 1.3), noisy: noisy('traversals') },
    { ...row('OpenLineage batched ≥ 1,000 events/s', some(batched, Math.max), (v) => `${v} events/s (best case)`, (v) => v >= 1000), noisy: noisy('ingestion') },
    { ...row('OpenLineage one event per request, 4 clients ≥ 200 events/s', singleBy4, (v) => `${v} events/s`, (v) => v >= 200), noisy: noisy('ingestion') },
    { ...row('first call of each operation after start-up < 1 s (was 1–4.6 s)', some((r.firstCalls ?? []).map((c) => c.firstMs), Math.max),
      (v) => `${v} ms (slowest operation)`, (v) => v < 1000), noisy: noisy('start') },
    { ...row('recordMetrics ≥ 20,000 points/s', some(points, Math.max), (v) => `${v} points/s (best case)`, (v) => v >= 20_000), noisy: noisy('metrics') },
    { ...row('outcomes ≥ 50,000 outcomes/s', some((r.outcomes ?? []).map((c) => c.outcomesPerSecond), Math.max), (v) => `${v} outcomes/s (best case)`, (v) => v >= 50_000), noisy: noisy('outcomes') },
    { ...row('CLI `modelgraph --help` p50 < 150 ms', (r.cli ?? []).filter((c) => c.reached === null).map((c) => c.latency.p50), (v) => `${v} ms`, (v) => v < 150), noisy: noisy('cli') },
    { ...row('CLI `modelgraph impact` (≤ 1,000 downstream) p50 < 300 ms', (r.cli ?? []).filter((c) => c.reached !== null).map((c) => c.latency.p50),
      (v) => `${v} ms`, (v) => v < 300), noisy: noisy('cli') },
    { ...row('service RSS under load < 300 MB', some(peaks, Math.max), (v) => `${v} MB (peak)`, (v) => v < 300), noisy: noisy(...rssParts) },
  ]);
}

/** The store against the same closure in PostgreSQL, per closure size (impact only). */
function postgresSection(r: BenchResult): string[] {
  const cases = r.traversals.filter((t) => t.operation === 'impact' && t.postgres);
  if (!r.postgres || !cases.length) return [];
  const p = r.postgres;
  const pp = (l: Latency) => `${l.p50} / ${l.p95}`;
  return [
    '## Impact: the store against lineage in PostgreSQL (ms, p50 / p95)', '',
    `The same graph copied into PostgreSQL 15 (${p.nodes.toLocaleString('en')} nodes, ${p.edges.toLocaleString('en')} edges, ${p.sizeMb} MB with indexes, ` +
      `loaded in ${p.loadSeconds} s; ${p.settings.join(', ')}) and the impact closure written as one recursive CTE (bench/postgres/impact-closure.sql), as ` +
      `lineage stores on PostgreSQL (Marquez) do. The closures of all ${p.closuresCompared} impact candidates were compared: the same node sets in both stores. ` +
      'Timed interleaved, one loop, the order rotated each repetition, after the warm-up. PostgreSQL answers the closure only (ids); the store what the service sends ' +
      '(one auto-commit statement: resolve the origin, walk, the first page of 100 with paths, and the summary), GraphQL the same page over HTTP.', '',
    '| reached nodes | GraphQL `impact` end to end | the service\'s statement | pure Cypher | PostgreSQL CTE (closure only) | PG / store (p50; above 1: the store is faster) |',
    '|---|---|---|---|---|---|',
    ...cases.map((t) => `| ${t.reached.toLocaleString('en')} | ${pp(t.graphql)} | ${pp(t.raw)} | ${pp(t.pureCypher)} | ${pp(t.postgres!)} | ${t.postgresRatioP50} |`),
    ...(r.floors?.postgres ? [`| 0 (an empty round trip) | ${pp(r.floors.graphql)} (\`{ __typename }\`) | ${pp(r.floors.neo4j)} (\`RETURN 1\`) | | ${pp(r.floors.postgres)} (\`SELECT 1\`) | ` +
      `${Math.round((r.floors.postgres.p50 / r.floors.neo4j.p50) * 100) / 100} |`] : []), '',
  ];
}

const lat = (l: Latency | null) => (l ? `${l.p50} / ${l.p95} / ${l.p99}` : '–');

export function toMarkdown(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    `# modelgraph bench — ${r.scale} — ${r.date}`, '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}. ` +
      `Neo4j 5.26 embedded, heap ${r.neo4j.heapMb} MB, page cache ${r.neo4j.pageCacheMb} MB. ` +
      `Load average (1 min) at the start of each part: ${Object.entries(r.loadAverage).map(([k, v]) => `${k} ${v}${v > NOISY_LOAD ? ' (**noisy**)' : ''}`).join(', ')}. ` +
      `A part that started above ${NOISY_LOAD.toFixed(1)} shared the machine with other work (or the bench's previous part): its figures are noisy.` +
      (r.cpuSteal ? ` CPU time the VM's host took (steal) during each part: ${Object.entries(r.cpuSteal).map(([k, v]) => `${k} ${v}%${v > NOISY_STEAL ? ' (**noisy**)' : ''}`).join(', ')}; ` +
        `above ${NOISY_STEAL}% the host was contended and everything ran slower: noisy too.` : '') +
      (r.referenceWorkMs ? ` A fixed CPU workload (bench/machine.ts referenceWorkMs, best of 5) took, at the start of each part: ` +
        `${Object.entries(r.referenceWorkMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}; the same host's cores are not always as fast ` +
        `(other tenants share its caches): compare two runs' absolute figures only at a like reference.` : ''), '',
    `Graph: **${r.graph.nodes.toLocaleString('en')} nodes, ${r.graph.relationships.toLocaleString('en')} relationships**, loaded in ${r.graph.loadSeconds} s ` +
      `(${Object.entries(r.graph.byLabel).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}).`, '',
    ...(Object.keys(r.failures ?? {}).length ? ['## Parts that failed', '', ...Object.entries(r.failures ?? {}).map(([part, why]) => `- **${part}**: ${why}`), ''] : []),
    '## Targets', '', '| target | measured | met |', '|---|---|---|',
    ...r.targets.map((t) => `| ${t.target} | ${t.measured}${t.noisy ? ` — **noisy** (load above ${NOISY_LOAD.toFixed(1)} or host steal above ${NOISY_STEAL}%)` : ''} | ${t.met ? 'yes' : '**no**'} |`), '',
    ...postgresSection(r),
    '## Traversals: GraphQL over HTTP vs the same Cypher through the driver (ms)', '',
    `Raw Cypher is what the service sends (traversal engine: ${r.traversals[0]?.engine ?? '–'}); the last column is the same traversal as pure Cypher, the fallback for a Neo4j without modelgraph's procedures.` +
      (r.traversalWarmUp ? ` Timed warm: before the timings every operation of every case ran untimed, in turns of equal time, for ${r.traversalWarmUp.seconds} s (${r.traversalWarmUp.requests.toLocaleString('en')} requests), as a long-running service's JITs are.` : ''), '',
    '| operation | origin | reached nodes | GraphQL p50 / p95 / p99 | raw Cypher p50 / p95 / p99 | ratio p50 / p95 | statements | response KB | pure Cypher p50 / p95 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.traversals.map((t) => `| ${t.operation} (${t.size}) | ${t.origin.type} | ${t.reached}${t.truncated ? ' (truncated)' : ''} | ${lat(t.graphql)} | ${lat(t.raw)} | ${t.ratioP50} / ${t.ratioP95} | ${t.statements} | ${t.responseKb} | ${t.pureCypher ? `${t.pureCypher.p50} / ${t.pureCypher.p95}` : '–'} |`),
    ...(r.floors ? ['', `Empty round trips, timed interleaved with the cases (p50 / p95 / p99 ms): GraphQL \`{ __typename }\` over HTTP ${lat(r.floors.graphql)}, ` +
      `Neo4j \`RETURN 1\` through the driver ${lat(r.floors.neo4j)}: what no request to either can go below.`] : []),
    ...(r.concurrentImpact ? ['', `Impact under load (${r.concurrentImpact.what}): ${r.concurrentImpact.concurrency} clients, ` +
      `${r.concurrentImpact.requestsPerSecond} requests/s, latency p50 / p95 / p99 ${lat(r.concurrentImpact.latency)} ms.`] : []), '',
    '## Cypher statements per GraphQL operation (must not grow with rows)', '', '| list query | rows asked (returned) | statements | constant |', '|---|---|---|---|',
    ...r.statements.map((s) => `| ${s.name} | ${s.rows[0]} (${s.returned[0]}) → ${s.rows[1]} (${s.returned[1]}) | ${s.statements[0]} → ${s.statements[1]} | ${s.constant ? 'yes' : '**no**'} |`), '',
    '## OpenLineage ingestion', '',
    ...(r.ingestionWarmUp ? [`Timed warm: before the timings the four cases ran untimed, in turns, for ${r.ingestionWarmUp.seconds} s (${r.ingestionWarmUp.events.toLocaleString('en')} events, jobs of their own), as a long-running service's and Neo4j's JITs are.${r.ingestionWarmUp.compiledTimed ? ` During the timed turns Cypher compiled ${r.ingestionWarmUp.compiledTimed.compiled} statements (${r.ingestionWarmUp.compiledTimed.replanned} of them replanned).` : ''}`, ''] : []),
    '| endpoint | events/request | clients | events | seconds | events/s (in each turn) | statements/event | statement ms/event | CPU ms/event: service / Neo4j / bench client (ceiling on all cores) |', '|---|---|---|---|---|---|---|---|---|',
    ...r.ingestion.map((c) => `| ${c.mode === 'single' ? 'POST /api/v1/lineage' : 'POST /api/v1/lineage/batch'} | ${c.batchSize} | ${c.concurrency} | ${c.events} | ${c.seconds} | ${c.eventsPerSecond}${c.turnRates && c.turnRates.length > 1 ? ` (turns: ${c.turnRates.join(', ')})` : ''} | ${c.statementsPerEvent ?? '–'} | ${c.statementMsPerEvent ?? '–'} | ${cpuCell(c, m.cores)} |`), '',
    ...(r.ingestion.some((c) => c.cpuMsPerEvent) ? ['The CPU column is read around each case: the service\'s and Neo4j\'s CPU time (/proc) and the bench\'s own, whose clients share the machine, over the events. ' +
      'With every core busy no rate can beat cores × 1,000 / (their ms per event summed), the ceiling in brackets; a rate far below it waited, one near it is bound by CPU.', ''] : []),
    ...(r.eventStore ? ['## Raw OpenLineage event store (what retention bounds)', '',
      `${r.eventStore.events.toLocaleString('en')} events kept: JSON ${r.eventStore.jsonBytes.mean} B per event (p50 ${r.eventStore.jsonBytes.p50}, ` +
      `p95 ${r.eventStore.jsonBytes.p95}, max ${r.eventStore.jsonBytes.max}); all property values ${r.eventStore.propertyBytesPerEvent} B per event, ` +
      `${r.eventStore.totalMb} MB in all (Neo4j's record and index overhead not counted).`, ''] : []),
    '## recordMetrics', '', '| points/request | clients | points | seconds | points/s |', '|---|---|---|---|---|',
    ...r.metrics.map((c) => `| ${c.batchSize} | ${c.concurrency} | ${c.points} | ${c.seconds} | ${c.pointsPerSecond} |`), '',
    '## Outcomes (POST /api/v1/outcomes, HEDGE ensembles)', '', '| outcomes/request | members | clients | outcomes | seconds | outcomes/s |', '|---|---|---|---|---|---|',
    ...(r.outcomes ?? []).map((c) => `| ${c.batchSize} | ${c.members} | ${c.concurrency} | ${c.outcomes} | ${c.seconds} | ${c.outcomesPerSecond} |`), '',
    '## Data quality (ms)', '', '| operation | what | p50 / p95 / p99 | note |', '|---|---|---|---|',
    ...r.quality.map((q) => `| ${q.operation} | ${q.what} | ${lat(q.latency)} | ${q.note ?? ''} |`), '',
    '## Web UI: first render of a ~1,000-node lineage in headless Chromium (ms)', '', '| what | nodes / edges drawn | first render p50 / p95 / p99 | of which layout and paint | of which ELK (worker) | longest main-thread task |', '|---|---|---|---|---|---|',
    ...(r.uiRender ? [`| ${r.uiRender.what} | ${r.uiRender.nodes} / ${r.uiRender.edges} | ${lat(r.uiRender.firstRender)} | ${lat(r.uiRender.layout)} | ${r.uiRender.elk ? lat(r.uiRender.elk) : '—'} | ${r.uiRender.longestTask ? lat(r.uiRender.longestTask) : '—'} |`] : ['| not measured | | | | | |']), '',
    ...(r.firstCalls?.length ? ['## First call after start-up (ms)', '',
      'Each operation\'s first call once /readyz answers (the start-up warm-up has compiled every statement), then the same call again, and the statements Cypher compiled during the first (its own count, modelgraph.planCache: 0 when the warm-up compiled what the call uses).', '',
      '| operation | first call | second call | compiled |', '|---|---|---|---|', ...r.firstCalls.map((c) => `| ${c.operation} | ${c.firstMs} | ${c.secondMs} | ${c.compiled ?? 'not counted'} |`), ''] : []),
    '## The `modelgraph` command (a spawned process, start to exit; ms)', '', '| command | reached nodes | p50 / p95 / p99 |', '|---|---|---|',
    ...(r.cli ?? []).map((c) => `| ${c.command} | ${c.reached ?? ''} | ${lat(c.latency)} |`), '',
    '## Service resident memory (MB)', '',
    'RSS, and the V8 heap at its largest in the part: used (live objects and garbage not yet collected) and total (reserved by V8); outside: Buffers and ArrayBuffers.', '',
    '| when | RSS | heap used | heap total | outside the heap |', '|---|---|---|---|---|',
    ...Object.entries(r.memory).map(([k, v]) => { const h = r.heap?.[k]; return `| ${k} | ${v} | ${h ? `${h.heapUsed} | ${h.heapTotal} | ${h.external}` : ' | | '} |`; }), '',
    '## Where Neo4j time went (the service\'s statement histogram, per phase)', '', '| phase | statement | count | total s | mean ms |', '|---|---|---|---|---|',
    ...Object.entries(r.profile).flatMap(([phase, rows]) => rows.map((s) => `| ${phase} | ${s.statement} | ${s.count} | ${s.totalSeconds} | ${s.meanMs} |`)), '',
    ...(r.compiles && Object.keys(r.compiles).length ? ['## Statements Cypher compiled per phase (after the start-up warm-up)', '',
      'Every client\'s (the service\'s, and the bench\'s raw Cypher and clean-up), by Neo4j\'s own count (modelgraph.planCache): a compile costs 0.1-0.5 s of a Neo4j core. Replanned: compiled again because the data\'s statistics moved on.', '',
      '| phase | compiled | of them replanned |', '|---|---|---|', ...Object.entries(r.compiles).map(([phase, c]) => `| ${phase} | ${c.compiled} | ${c.replanned} |`), ''] : []),
  ];
  return lines.join('\n');
}

/** "service / Neo4j / bench client (ceiling)" of an ingestion case's CPU per event, or a dash where it was not read. */
function cpuCell(c: IngestionCase, cores: number): string {
  const cpu = c.cpuMsPerEvent;
  if (!cpu || cpu.service === null) return '–';
  if (cpu.neo4j === null) return `${cpu.service} / –`;
  // Results written before the bench counted its own CPU have no client figure: their ceiling leaves it out.
  const client = cpu.client ?? null;
  const sum = cpu.service + cpu.neo4j + (client ?? 0);
  return `${cpu.service} / ${cpu.neo4j} / ${client ?? '–'} (${Math.round((cores * 1000) / sum)}/s)`;
}

import { MachineInfo } from './machine';
import { QualityCase } from './measure/diff';
import { EventStoreCase } from './measure/event-store';
import { IngestionCase } from './measure/ingestion';
import { MetricsCase } from './measure/metrics';
import { OutcomesCase } from './measure/outcomes';
import { StatementShare } from './measure/statement-profile';
import { StatementCase } from './measure/statements';
import { TraversalCase } from './measure/traversals';
import { UiRenderCase } from './measure/ui-render';
import { Latency } from './stats';

export interface LoadCase { what: string; concurrency: number; requests: number; requestsPerSecond: number; latency: Latency }

export interface BenchResult {
  scale: string;
  date: string;
  machine: MachineInfo;
  neo4j: { heapMb: number; pageCacheMb: number };
  /** 1-minute load average when each part started (above the core count: other work competed). */
  loadAverage: Record<string, number>;
  graph: { nodes: number; relationships: number; byLabel: Record<string, number>; loadSeconds: number };
  traversals: TraversalCase[];
  concurrentImpact: LoadCase | null;
  statements: StatementCase[];
  ingestion: IngestionCase[];
  /** The raw OpenLineage event store after the ingestion phase (null when it was not measured). */
  eventStore?: EventStoreCase | null;
  metrics: MetricsCase[];
  /** POST /api/v1/outcomes (absent from results written before it was measured). */
  outcomes?: OutcomesCase[];
  quality: QualityCase[];
  /** The web UI's time to first render of a ~1,000-node lineage (null: skipped or not asked for). */
  uiRender: UiRenderCase | null;
  /** Service RSS in MB: at rest after start and after loading, and the peak of each loaded phase. */
  memory: Record<string, number>;
  /** Per phase, the service's heaviest Cypher statements (its own histogram on /metrics). */
  profile: Record<string, StatementShare[]>;
  targets: { target: string; measured: string; met: boolean }[];
}

/** The performance targets (stated for 2 cores at the large scale; evaluated at every scale for reference). */
export function checkTargets(r: Omit<BenchResult, 'targets'>): BenchResult['targets'] {
  const impacts = r.traversals.filter((t) => t.operation === 'impact' && t.reached <= 1000);
  const batched = r.ingestion.filter((c) => c.mode === 'batch').map((c) => c.eventsPerSecond);
  const points = r.metrics.map((c) => c.pointsPerSecond);
  const peaks = Object.entries(r.memory).filter(([k]) => k.startsWith('peak')).map(([, v]) => v);
  // A part left out (--only) is reported as not measured rather than as missed.
  const row = (target: string, values: number[], measured: (v: number) => string, met: (v: number) => boolean) =>
    values.length && Number.isFinite(values[0]) ? { target, measured: measured(values[0]), met: met(values[0]) } : { target, measured: 'not measured', met: false };
  const some = (xs: number[], pick: (...v: number[]) => number) => (xs.length ? [pick(...xs)] : []);
  return [
    row('impact (≤ 1,000 downstream) p95 < 50 ms', some(impacts.map((t) => t.graphql.p95), Math.max), (v) => `${v} ms (worst case)`, (v) => v < 50),
    row('impact GraphQL / raw Cypher (p50) < 1.3', some(impacts.map((t) => t.ratioP50), Math.max), (v) => `${v} (worst case)`, (v) => v < 1.3),
    row('OpenLineage batched ≥ 1,000 events/s', some(batched, Math.max), (v) => `${v} events/s (best case)`, (v) => v >= 1000),
    row('recordMetrics ≥ 20,000 points/s', some(points, Math.max), (v) => `${v} points/s (best case)`, (v) => v >= 20_000),
    row('outcomes ≥ 50,000 outcomes/s', some((r.outcomes ?? []).map((c) => c.outcomesPerSecond), Math.max), (v) => `${v} outcomes/s (best case)`, (v) => v >= 50_000),
    row('service RSS under load < 300 MB', some(peaks, Math.max), (v) => `${v} MB (peak)`, (v) => v < 300),
  ];
}

const lat = (l: Latency | null) => (l ? `${l.p50} / ${l.p95} / ${l.p99}` : '–');

export function toMarkdown(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    `# modelgraph bench — ${r.scale} — ${r.date}`, '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}. ` +
      `Neo4j 5.26 embedded, heap ${r.neo4j.heapMb} MB, page cache ${r.neo4j.pageCacheMb} MB. ` +
      `Load average (1 min) at each part: ${Object.entries(r.loadAverage).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '',
    `Graph: **${r.graph.nodes.toLocaleString('en')} nodes, ${r.graph.relationships.toLocaleString('en')} relationships**, loaded in ${r.graph.loadSeconds} s ` +
      `(${Object.entries(r.graph.byLabel).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}).`, '',
    '## Targets', '', '| target | measured | met |', '|---|---|---|',
    ...r.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`), '',
    '## Traversals: GraphQL over HTTP vs the same Cypher through the driver (ms)', '',
    `Raw Cypher is what the service sends (traversal engine: ${r.traversals[0]?.engine ?? '–'}); the last column is the same traversal as pure Cypher, the fallback for a Neo4j without modelgraph's procedures.`, '',
    '| operation | origin | reached nodes | GraphQL p50 / p95 / p99 | raw Cypher p50 / p95 / p99 | ratio p50 / p95 | statements | response KB | pure Cypher p50 / p95 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.traversals.map((t) => `| ${t.operation} (${t.size}) | ${t.origin.type} | ${t.reached}${t.truncated ? ' (truncated)' : ''} | ${lat(t.graphql)} | ${lat(t.raw)} | ${t.ratioP50} / ${t.ratioP95} | ${t.statements} | ${t.responseKb} | ${t.pureCypher ? `${t.pureCypher.p50} / ${t.pureCypher.p95}` : '–'} |`),
    ...(r.concurrentImpact ? ['', `Impact under load (${r.concurrentImpact.what}): ${r.concurrentImpact.concurrency} clients, ` +
      `${r.concurrentImpact.requestsPerSecond} requests/s, latency p50 / p95 / p99 ${lat(r.concurrentImpact.latency)} ms.`] : []), '',
    '## Cypher statements per GraphQL operation (must not grow with rows)', '', '| list query | rows asked (returned) | statements | constant |', '|---|---|---|---|',
    ...r.statements.map((s) => `| ${s.name} | ${s.rows[0]} (${s.returned[0]}) → ${s.rows[1]} (${s.returned[1]}) | ${s.statements[0]} → ${s.statements[1]} | ${s.constant ? 'yes' : '**no**'} |`), '',
    '## OpenLineage ingestion', '', '| endpoint | events/request | clients | events | seconds | events/s |', '|---|---|---|---|---|---|',
    ...r.ingestion.map((c) => `| ${c.mode === 'single' ? 'POST /api/v1/lineage' : 'POST /api/v1/lineage/batch'} | ${c.batchSize} | ${c.concurrency} | ${c.events} | ${c.seconds} | ${c.eventsPerSecond} |`), '',
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
    '## Service resident memory (MB)', '', '| when | RSS |', '|---|---|',
    ...Object.entries(r.memory).map(([k, v]) => `| ${k} | ${v} |`), '',
    '## Where Neo4j time went (the service\'s statement histogram, per phase)', '', '| phase | statement | count | total s | mean ms |', '|---|---|---|---|---|',
    ...Object.entries(r.profile).flatMap(([phase, rows]) => rows.map((s) => `| ${phase} | ${s.statement} | ${s.count} | ${s.totalSeconds} | ${s.meanMs} |`)), '',
  ];
  return lines.join('\n');
}

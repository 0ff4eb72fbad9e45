import { randomUUID } from 'node:crypto';
import { DatasetPlan } from '../generate/datasets';
import { postJson } from '../http';
import { Random } from '../random';
import { runConcurrently } from '../stats';
import { PlanCacheCounts } from './plan-cache';
import { CpuReader, cpuPerUnit, CpuReading } from './process-cpu';
import { readStatementTotals, totalBetween } from './statement-profile';

export interface IngestionCase {
  mode: 'single' | 'batch';
  batchSize: number;
  concurrency: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /**
   * Statements the service sent per event, and their summed duration per event as the service saw
   * them (send to last row; statements sent together overlap, so this is an upper bound of Neo4j's time).
   */
  statementsPerEvent: number;
  statementMsPerEvent: number;
  /**
   * CPU ms per event of the service, of Neo4j and of the bench's load clients during the case
   * (absent: not read). Their sum over the machine's cores bounds the rate: 2 cores at 10 ms an
   * event allow 200 events/s.
   */
  cpuMsPerEvent?: CpuReading;
  /** Each turn's events/s, when the case was timed in turns (measureIngestionInTurns). */
  turnRates?: number[];
}

const PRODUCER = 'https://github.com/modelgraph/bench';
const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';

/**
 * One run's START and COMPLETE events, as an Airflow/Spark integration sends them: a recurring job
 * (each worker has its own ten, so workers do not queue on each other's rows) reading two of the
 * generated warehouse datasets and writing its own output, with a schema and column lineage.
 */
function runEvents(tag: string, worker: number, i: number, inputs: DatasetPlan[], at: number): unknown[] {
  const runId = randomUUID();
  const job = { namespace: 'bench', name: `${tag}_w${worker}_job${i % 10}` };
  const output = `bench.${job.name}_out`;
  const inputRefs = inputs.map((d) => ({ namespace: d.namespace, name: d.name }));
  const fields = Array.from({ length: 10 }, (_, j) => ({ name: `o${j}`, type: 'double' }));
  const lineage = Object.fromEntries(fields.map((f, j) => [f.name, {
    inputFields: inputs.map((d) => ({ namespace: d.namespace, name: d.name, field: d.fields[j % d.fields.length].name,
                                      transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION' }] })),
  }]));
  const base = { producer: PRODUCER, schemaURL: SCHEMA_URL, run: { runId }, job, inputs: inputRefs };
  return [
    { ...base, eventType: 'START', eventTime: new Date(at).toISOString(), outputs: [{ namespace: 'bench', name: output }] },
    { ...base, eventType: 'COMPLETE', eventTime: new Date(at + 60_000).toISOString(), outputs: [{ namespace: 'bench', name: output, facets: {
      schema: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields },
      columnLineage: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/ColumnLineageDatasetFacet.json', fields: lineage },
    } }] },
  ];
}

/** Event times go on from call to call: each run's events are later than all sent before, as a scheduler's are. */
let clock = Date.UTC(2026, 0, 1);

/** The events sent untimed before the timings, and for how long (see warmIngestion); what Cypher compiled during the timed turns after it. */
export interface IngestionWarmUp { events: number; seconds: number; compiledTimed?: PlanCacheCounts | null }

/**
 * The four cases in turns, untimed, for about `seconds`: Neo4j's JIT compiles the write paths only
 * under writes, and a cold JVM runs them 2–3× slower (measured on the large graph: batched events
 * 215/s on the first 2,000, 315/s on the third; Neo4j's CPU per event 7.2 ms → 3.9 ms). A
 * long-running service ingests all day, so its JITs are warm; the traversals are timed warm too.
 * The warm-up's jobs are its own (tag prefix `warm_`), so the timed jobs start with no runs behind them.
 */
export async function warmIngestion(url: string, datasets: DatasetPlan[], seconds: number, rnd: Random): Promise<IngestionWarmUp> {
  const started = Date.now();
  let events = 0;
  while (Date.now() - started < seconds * 1000) {
    for (const one of ['single1', 'single4', 'batch1', 'batch4']) {
      const [c] = await measureIngestion(url, datasets, one.startsWith('single') ? 20 : 100, rnd, one, 'warm_');
      events += c.events;
    }
  }
  return { events, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/**
 * Events/s through POST /api/v1/lineage (one event per request, in order per run) and
 * /api/v1/lineage/batch (batchSize events per request), each with 1 and 4 concurrent clients.
 * `tagPrefix` names the jobs apart (the warm-up's from the timed ones).
 */
export async function measureIngestion(url: string, datasets: DatasetPlan[], runs: number, rnd: Random, only?: string, tagPrefix = '', cpu?: CpuReader): Promise<IngestionCase[]> {
  const sources = datasets.filter((d) => d.layer === 1 || d.layer === 2);
  const out: IngestionCase[] = [];
  const configs: Omit<IngestionCase, 'events' | 'seconds' | 'eventsPerSecond' | 'statementsPerEvent' | 'statementMsPerEvent'>[] = [
    { mode: 'single', batchSize: 1, concurrency: 1 }, { mode: 'single', batchSize: 1, concurrency: 4 },
    { mode: 'batch', batchSize: 100, concurrency: 1 }, { mode: 'batch', batchSize: 100, concurrency: 4 },
  ];
  // `only`: one case, e.g. 'single4' (for comparing builds); a fresh tag per call keeps runs apart.
  for (const c of configs.filter((x) => !only || only.split(',').includes(`${x.mode}${x.concurrency}`))) {
    const tag = `${tagPrefix}${c.mode}${c.concurrency}`;
    const caseRuns = c.mode === 'single' ? Math.max(10, Math.floor(runs / 2)) : runs;
    const eventsOf = (i: number, worker: number) => runEvents(tag, worker, i, rnd.sample(sources, 2), (clock += 120_000));
    let seconds: number;
    let events = 0;
    const before = await readStatementTotals(url);
    const cpuBefore = cpu?.();
    if (c.mode === 'single') {
      seconds = (await runConcurrently(caseRuns, c.concurrency, async (i, worker) => {
        for (const e of eventsOf(i, worker)) {
          await postJson(`${url}/api/v1/lineage`, e, 201);
          events++;
        }
      })) / 1000;
    } else {
      const runsPerBatch = c.batchSize / 2;
      seconds = (await runConcurrently(Math.ceil(caseRuns / runsPerBatch), c.concurrency, async (b, worker) => {
        const batch = Array.from({ length: runsPerBatch }, (_, k) => eventsOf(b * runsPerBatch + k, worker)).flat();
        const result = (await postJson(`${url}/api/v1/lineage/batch`, batch, 200)) as { rejected: number };
        if (result.rejected) throw new Error(`the batch endpoint rejected ${result.rejected} generated events`);
        events += batch.length;
      })) / 1000;
    }
    const cpuAfter = cpu?.();
    const sent = totalBetween(before, await readStatementTotals(url));
    out.push({
      ...c, events, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(events / seconds),
      statementsPerEvent: Math.round((sent.count / events) * 100) / 100, statementMsPerEvent: Math.round((sent.seconds * 1000 / events) * 100) / 100,
      ...(cpuBefore && cpuAfter ? { cpuMsPerEvent: cpuPerUnit(cpuBefore, cpuAfter, events) } : {}),
    });
  }
  return out;
}

/**
 * The four cases in `turns` turns of runs / turns runs each, summed per case. One timing of a case
 * swings widely on the large graph (measured over 8 minutes, one case after the other: batched ×4
 * 524–1,002 events/s, one event ×4 109–254, in waves of about a minute), so a case's rate is its
 * events over its seconds across all turns, spread over the phase; each turn's rate is kept.
 */
export async function measureIngestionInTurns(url: string, datasets: DatasetPlan[], runs: number, rnd: Random, turns: number, cpu?: CpuReader): Promise<IngestionCase[]> {
  const byCase = new Map<string, IngestionCase[]>();
  for (let t = 0; t < turns; t++) {
    for (const c of await measureIngestion(url, datasets, Math.max(1, Math.round(runs / turns)), rnd, undefined, '', cpu)) {
      byCase.set(`${c.mode}${c.concurrency}`, [...(byCase.get(`${c.mode}${c.concurrency}`) ?? []), c]);
    }
  }
  return [...byCase.values()].map((cs) => {
    const events = cs.reduce((n, c) => n + c.events, 0);
    const seconds = cs.reduce((n, c) => n + c.seconds, 0);
    const perEvent = (f: (c: IngestionCase) => number) => Math.round((cs.reduce((n, c) => n + f(c) * c.events, 0) / events) * 100) / 100;
    // A side's CPU over the turns (null if any turn could not read it).
    const perSide = (side: keyof CpuReading) => (cs.some((c) => (c.cpuMsPerEvent?.[side] ?? null) === null) ? null : perEvent((c) => c.cpuMsPerEvent![side]!));
    return {
      ...cs[0], events, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(events / seconds),
      statementsPerEvent: perEvent((c) => c.statementsPerEvent), statementMsPerEvent: perEvent((c) => c.statementMsPerEvent),
      turnRates: cs.map((c) => c.eventsPerSecond),
      ...(cs.every((c) => c.cpuMsPerEvent) ? { cpuMsPerEvent: { service: perSide('service'), neo4j: perSide('neo4j'), client: perSide('client') } } : {}),
    };
  });
}

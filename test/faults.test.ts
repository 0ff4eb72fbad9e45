import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { RunningService, startService } from '../src/service';

/**
 * Neo4j going away under a running service: UNAVAILABLE without waiting on Neo4j, /readyz 503, the process stays up,
 * recovery without a restart of the service, and nothing acknowledged lost. This file runs its
 * own Neo4j (stopped and started again on the same port and data) and its own service.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`[faults] ${line}\n`);

describe('Neo4j outage under a running service', () => {
  let dir: string;
  let neo4j: EmbeddedNeo4j;
  let service: RunningService;
  let restarts = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-faults-'));
    neo4j = await startEmbeddedNeo4j({ dataDir: path.join(dir, 'data'), port: 0, heapMb: 512, pageCacheMb: 64 });
    service = await startService(loadConfig({ ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, PORT: '0' }));
  }, 300_000);

  afterAll(async () => {
    await service?.stop();
    await neo4j?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  const stopNeo4j = () => neo4j.stop();
  /** The same data and port again. (startEmbeddedNeo4j remembers instances by path, so a new alias of the dir.) */
  const startNeo4j = async () => {
    const alias = path.join(dir, `data-${++restarts}`);
    fs.symlinkSync(path.join(dir, 'data'), alias);
    const started = Date.now();
    neo4j = await startEmbeddedNeo4j({ dataDir: alias, port: neo4j.port, heapMb: 512, pageCacheMb: 64 });
    return Date.now() - started;
  };

  const gql = async (q: string, variables?: unknown) => {
    const res = await fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables }) });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = Date.now();
    const result = await work();
    return [result, Date.now() - started];
  };
  const DATASETS = '{ datasets { nodes { name } } }';

  /** Sessions the service opens on Neo4j while `work` runs: a counter rather than a clock for "answered without waiting on Neo4j". */
  const sessionsDuring = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const spy = jest.spyOn(service.db.driver, 'session');
    try {
      const result = await work();
      return [result, spy.mock.calls.length];
    } finally {
      spy.mockRestore();
    }
  };

  it('fails fast with UNAVAILABLE, reports not ready, stays up, and recovers by itself', async () => {
    await gql('mutation { upsertDataset(input: { namespace: "ns", name: "before" }) { id } }');
    const [, sessionsUp] = await sessionsDuring(() => gql(DATASETS));
    await stopNeo4j();
    const [[first, firstMs], firstSessions] = await sessionsDuring(() => timed(() => gql(DATASETS)));
    expect(first.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    // Each statement tried twice at most (once more on a fresh connection), then the circuit opens ...
    expect(firstSessions).toBeLessThanOrEqual(2 * sessionsUp);
    expect(service.db.availability.isUp).toBe(false);
    // ... and what follows is answered at once, without a session on Neo4j.
    const [[next, nextMs], nextSessions] = await sessionsDuring(() => timed(() => gql(DATASETS)));
    expect(next.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    const [[mutation, mutationMs], mutationSessions] = await sessionsDuring(() => timed(() => gql('mutation { upsertDataset(input: { namespace: "ns", name: "during" }) { id } }')));
    expect(mutation.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect([nextSessions, mutationSessions]).toEqual([0, 0]);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    log(`outage: first request failed in ${firstMs} ms, the next in ${nextMs} ms, a mutation in ${mutationMs} ms`);

    const startMs = await startNeo4j();
    const backAt = Date.now();
    let recovered = await gql(DATASETS);
    while (recovered.errors) { await sleep(100); recovered = await gql(DATASETS); }
    log(`Neo4j restarted in ${startMs} ms; the service answered again ${Date.now() - backAt} ms after Neo4j was up`);
    expect(recovered.data.datasets.nodes).toEqual([{ name: 'before' }]);
    expect(service.db.availability.isUp).toBe(true);
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
  }, 300_000);

  it('loses nothing acknowledged when Neo4j restarts during ingestion (client retries)', async () => {
    const EVENTS = 2000;
    const BATCHES = 40;
    const POINTS = 50;
    await gql('mutation { upsertDeployment(input: { name: "dep", environment: "prod" }) { id } }');
    type Task = { kind: 'event' | 'metrics'; id: string; send(): Promise<boolean> };
    const tasks: Task[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const runId = crypto.randomUUID();
      const body = JSON.stringify({
        eventType: 'COMPLETE', eventTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), producer: 'https://example.com/faults',
        schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
        run: { runId }, job: { namespace: 'etl', name: `job-${i % 20}` }, inputs: [{ namespace: 'pg', name: 'raw.orders' }], outputs: [],
      });
      tasks.push({ kind: 'event', id: runId, send: async () => (await fetch(`${service.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status === 201 });
    }
    for (let b = 0; b < BATCHES; b++) {
      const points = Array.from({ length: POINTS }, (_, i) => ({ target: { deployment: 'dep' }, name: 'latency', value: b + i / 100, timestamp: new Date(Date.UTC(2026, 0, 1) + (b * POINTS + i) * 60_000).toISOString() }));
      const send = async () => {
        const r = await gql('mutation($p: [MetricPointInput!]!) { recordMetrics(points: $p) { points } }', { p: points });
        return !r.errors && r.data?.recordMetrics.points === POINTS;
      };
      tasks.splice(Math.floor((b + 1) * EVENTS / BATCHES), 0, { kind: 'metrics', id: String(b), send });
    }

    const acked = new Set<Task>();
    let retries = 0;
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        const giveUp = Date.now() + 180_000;
        for (;;) {
          const ok = await task.send().catch(() => false); // a refused connection is a failure too
          if (ok) { acked.add(task); break; }
          retries++;
          if (Date.now() > giveUp) break;
          await sleep(250);
        }
      }
    };
    const started = Date.now();
    const restart = (async () => {
      while (acked.size < tasks.length * 0.3) await sleep(50);
      const at = acked.size;
      await stopNeo4j();
      await sleep(1000);
      const ms = await startNeo4j();
      log(`restarted Neo4j after ${at} acknowledged requests (down ~${ms + 1000} ms)`);
    })();
    await Promise.all([...Array.from({ length: 8 }, worker), restart]);
    const elapsed = Date.now() - started;

    const ackedEvents = [...acked].filter((t) => t.kind === 'event').map((t) => t.id);
    const ackedBatches = [...acked].filter((t) => t.kind === 'metrics').map((t) => Number(t.id));
    const runs = await service.db.runAutoCommit('MATCH (r:Run) RETURN r.runId AS id, count(*) AS n');
    const runCount = new Map(runs.map((r) => [r.id as string, r.n as number]));
    const points = await service.db.runAutoCommit('MATCH (b:MetricBucket) UNWIND b.points AS p RETURN p, count(*) AS n');
    const pointCount = new Map(points.map((r) => [r.p as number, r.n as number]));
    log(`sent ${EVENTS} events + ${BATCHES} metric batches (${BATCHES * POINTS} points) in ${elapsed} ms with 8 clients; ` +
      `acknowledged ${ackedEvents.length} events, ${ackedBatches.length} batches after ${retries} retries; ` +
      `present: ${ackedEvents.filter((id) => runCount.get(id) === 1).length} events, ${points.length} points`);
    expect(ackedEvents).toHaveLength(EVENTS);
    expect(ackedBatches).toHaveLength(BATCHES);
    expect(retries).toBeGreaterThan(0); // the restart did happen under load
    for (const id of ackedEvents) expect(runCount.get(id)).toBe(1);
    expect(runs.every((r) => r.n === 1)).toBe(true);
    for (const b of ackedBatches) {
      for (let i = 0; i < POINTS; i++) expect(pointCount.get(Date.UTC(2026, 0, 1) + (b * POINTS + i) * 60_000)).toBe(1);
    }
    const [jobs] = await service.db.runAutoCommit('MATCH (j:Job) RETURN count(j) AS jobs, count(DISTINCT j.name) AS names');
    expect(jobs).toEqual({ jobs: 20, names: 20 });
  }, 600_000);
});

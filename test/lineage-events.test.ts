import { LineageEventStore } from '../src/openlineage/event-store';
import { modelgraph } from './support/cli';
import { useGraph } from './support/graph';

/**
 * The store of OpenLineage events as received: kept in the ingestion's transaction, listed in
 * Marquez's shape (GET /api/v1/events/lineage), folded again by `modelgraph replay`, pruned by
 * retention.
 */
const event = (runId: string, eventType: string, eventTime: string, namespace = 'etl') => ({
  eventType, eventTime, producer: 'https://example.com/test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId }, job: { namespace, name: 'load_orders' },
  inputs: [{ namespace: 'pg', name: 'raw.orders' }], outputs: [{ namespace: 'pg', name: `clean.orders_${namespace}` }],
});
const RUN_A = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const RUN_B = '6f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const EVENTS = [
  event(RUN_A, 'START', '2026-01-01T00:00:00Z'), event(RUN_A, 'COMPLETE', '2026-01-01T00:05:00.123456Z'),
  event(RUN_B, 'START', '2026-01-02T00:00:00Z', 'ml'), event(RUN_B, 'COMPLETE', '2026-01-02T00:05:00Z', 'ml'),
];

describe('OpenLineage events as received: list, replay, retention', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_EVENT_RETENTION_DAYS: '30' });
  const post = (body: unknown, route = '/api/v1/lineage/batch') =>
    fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const list = async (query = '') => {
    const res = await fetch(`${graph.url}/api/v1/events/lineage${query}`);
    return { status: res.status, body: await res.json() as any };
  };
  const lineage = async () => graph.db.runAutoCommit(`MATCH (r:Run)-[:WROTE]->(v:DatasetVersion)-[:VERSION_OF]->(d:Dataset)
    RETURN r.runId AS run, d.name AS wrote, v.version AS version ORDER BY run`);
  const env = () => ({ NEO4J_URI: process.env.MODELGRAPH_TEST_NEO4J_URI!, MODELGRAPH_URL: graph.url });

  it('stores each accepted event once, as received, and lists them as Marquez does', async () => {
    expect((await post([...EVENTS, { eventType: 'START' }])).status).toBe(200); // the invalid one is not stored
    await post(EVENTS[0], '/api/v1/lineage'); // delivered again: still one
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.body.totalCount).toBe(4);
    expect(all.body.events.map((e: any) => e.eventTime)).toEqual(['2026-01-02T00:05:00Z', '2026-01-02T00:00:00Z', '2026-01-01T00:05:00.123456Z', '2026-01-01T00:00:00Z']);
    expect(all.body.events[2]).toEqual(EVENTS[1]); // as received, microseconds included
    const page = await list('?sortDirection=asc&limit=1&offset=1&after=2026-01-01T00:00:00Z&before=2026-01-02T00:05:00Z');
    expect(page.body).toEqual({ events: [EVENTS[1]], totalCount: 3 });
    const ml = await list('?namespace=ml');
    expect(ml.body.events.map((e: any) => e.job.namespace)).toEqual(['ml', 'ml']);
    const bad = await list('?limit=-1');
    expect(bad).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'limit' } });
    // Not part of the lineage graph: no relationship touches a stored event.
    expect(await graph.db.runAutoCommit('MATCH (:LineageEvent)--() RETURN count(*) AS n')).toEqual([{ n: 0 }]);
  });

  it('replays the stored events into the graph: the same graph again, and a lost part restored', async () => {
    await post(EVENTS);
    const before = await lineage();
    expect(before).toHaveLength(2);
    // As if the mapping had dropped what run B wrote: replay restores it from the stored events.
    await graph.db.runAutoCommit("MATCH (d:Dataset {name: 'clean.orders_ml'})<-[:VERSION_OF]-(v) DETACH DELETE v, d");
    const replay = await modelgraph(['replay'], env());
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain('replayed 4 stored events');
    expect(await lineage()).toEqual(before);
    const again = await modelgraph(['replay'], env()); // idempotent
    expect(again.code).toBe(0);
    expect(await lineage()).toEqual(before);
  }, 60_000);

  it('deletes events received longer ago than the retention, and only those', async () => {
    await post(EVENTS);
    await graph.db.runAutoCommit(`MATCH (l:LineageEvent) WHERE l.runId = $run SET l.recordedAt = datetime() - duration('P31D')`, { run: RUN_A });
    const deleted = await graph.app.container.get(LineageEventStore).prune();
    expect(deleted).toBe(2);
    expect((await list()).body.events.map((e: any) => e.run.runId)).toEqual([RUN_B, RUN_B]);
  });
});

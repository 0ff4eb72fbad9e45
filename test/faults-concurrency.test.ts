import { query } from '../src/db/query';
import { useGraph } from './support/graph';

/** Concurrent writers, deadlocks retried, and a graceful shutdown that drains in-flight requests. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('concurrent writers', () => {
  const graph = useGraph();

  it('create no duplicates and see no errors when they write the same entities at once', async () => {
    const register = (version: string) => graph.gql('mutation($v: String!) { registerDatasetVersion(input: { namespace: "ns", name: "orders", version: $v, fields: [{ name: "id" }] }) { id } }', { v: version });
    const deploy = () => graph.gql('mutation { upsertDeployment(input: { name: "churn-prod", environment: "production" }) { id } }');
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => register('same')),
      ...Array.from({ length: 20 }, (_, i) => register(`v${i}`)),
      ...Array.from({ length: 20 }, deploy),
    ]);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.slice(0, 20).map((r) => r.data.registerDatasetVersion.id)).size).toBe(1);
    const counts = await graph.db.runAutoCommit(
      'MATCH (n) WHERE n:Dataset OR n:DatasetVersion OR n:Field OR n:Deployment RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label');
    expect(counts).toEqual([{ label: 'Dataset', n: 1 }, { label: 'DatasetVersion', n: 21 }, { label: 'Deployment', n: 1 }, { label: 'Field', n: 21 }]);

    // metric points into the same hour bucket from 20 writers at once: none lost
    const points = (w: number) => Array.from({ length: 10 }, (_, i) => ({ target: { deployment: 'churn-prod' }, name: 'auc', value: w + i / 10, timestamp: new Date(Date.UTC(2026, 0, 1, 0, w, i)).toISOString() }));
    const recorded = await Promise.all(Array.from({ length: 20 }, (_, w) => graph.gql('mutation($p: [MetricPointInput!]!) { recordMetrics(points: $p) { points } }', { p: points(w) })));
    expect(recorded.flatMap((r) => r.errors ?? [])).toEqual([]);
    const [bucket] = await graph.db.runAutoCommit('MATCH (b:MetricBucket) RETURN count(b) AS buckets, sum(b.count) AS points');
    expect(bucket).toEqual({ buckets: 1, points: 200 });
  });

  it('retries a deadlock inside Db.write: both transactions succeed', async () => {
    await graph.db.runAutoCommit("CREATE (:DeadlockProbe {k: 'a', n: 0}), (:DeadlockProbe {k: 'b', n: 0})");
    const touch = query<{ k: string }>('test/touch', 'MATCH (p:DeadlockProbe {k: $k}) SET p.n = p.n + 1 RETURN p.n AS n');
    let attempts = 0;
    const crossing = (first: string, second: string) => graph.db.write(async (tx) => {
      attempts++;
      await tx.run(touch, { k: first });
      await sleep(300); // both hold their first lock when they ask for the second
      await tx.run(touch, { k: second });
    });
    await Promise.all([crossing('a', 'b'), crossing('b', 'a')]);
    expect(attempts).toBeGreaterThan(2); // one of them was chosen as the deadlock victim and run again
    const rows = await graph.db.runAutoCommit('MATCH (p:DeadlockProbe) RETURN p.k AS k, p.n AS n ORDER BY k');
    expect(rows).toEqual([{ k: 'a', n: 2 }, { k: 'b', n: 2 }]);
  });
});

describe('graceful shutdown', () => {
  const graph = useGraph();

  it('drains the request in flight, refuses new connections, then stops', async () => {
    await graph.ok('mutation { upsertDataset(input: { namespace: "ns", name: "held" }) { id } }');
    // A transaction of the test holds the dataset's lock, so the next mutation waits in Neo4j.
    const session = graph.db.driver.session();
    const holder = await session.beginTransaction();
    await holder.run("MATCH (d:Dataset {name: 'held'}) SET d.description = 'locked'");
    const inFlight = graph.gql('mutation { upsertDataset(input: { namespace: "ns", name: "held", description: "drained" }) { description } }');
    await sleep(500);
    let closed = false;
    const closing = graph.app.close().then(() => { closed = true; });
    await sleep(300);
    expect(closed).toBe(false); // waits for the request
    await expect(fetch(`${graph.url}/healthz`)).rejects.toThrow(); // no new connections
    await holder.commit();
    await session.close();
    const result = await inFlight;
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertDataset.description).toBe('drained');
    await closing;
    expect(closed).toBe(true);
  });
});

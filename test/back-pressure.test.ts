import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

/**
 * One request cannot take every Neo4j connection: its transactions queue in its own slots
 * (MODELGRAPH_REQUEST_CONCURRENCY), and a pool with no free connection is back-pressure
 * (429 RATE_LIMITED, Retry-After), never UNAVAILABLE or an open circuit.
 */
const ORDERS_V1 = { type: 'DATASET_VERSION', namespace: 'warehouse', name: 'orders', version: 'v1' };
const ALIASES = 400;

describe('a request gets a bounded share of the pool', () => {
  const graph = useGraph({
    MODELGRAPH_NEO4J_POOL_SIZE: '6', MODELGRAPH_REQUEST_CONCURRENCY: '2', MODELGRAPH_MAX_COMPLEXITY: '100000000',
    MODELGRAPH_REQUEST_TIMEOUT_MS: '600000', MODELGRAPH_LINEAGE_TIMEOUT_MS: '600000',
  });
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  it(`${ALIASES} impact aliases queue inside their request; another client is served meanwhile and /readyz stays 200`, async () => {
    const aliases = Array.from({ length: ALIASES }, (_, i) => `i${i}: impact(of: $of) { summary { total } }`).join('\n');
    const before = graph.db.statementsSent;
    let settled = false;
    const flood = graph.gql(`query($of: NodeRef!) { ${aliases} }`, { of: ORDERS_V1 }).finally(() => { settled = true; });
    while (!settled && graph.db.statementsSent < before + 20) await new Promise((r) => setTimeout(r, 5));
    const other = await graph.gql('{ datasets { nodes { name } } }');
    // Order, not time: had the flood taken every connection, this query would have waited in the
    // pool's queue behind all its traversals (the queue is first come, first served).
    const sentByThen = graph.db.statementsSent - before;
    const ready = await fetch(`${graph.url}/readyz`);
    const result = await flood;

    expect(other.errors).toBeUndefined();
    expect(other.data.datasets.nodes.length).toBeGreaterThan(0);
    expect(ready.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data)).toHaveLength(ALIASES);
    expect(sentByThen).toBeLessThan((graph.db.statementsSent - before) / 2);
    expect(graph.db.availability.isUp).toBe(true);
  });
});

describe('an exhausted pool', () => {
  const graph = useGraph({ MODELGRAPH_NEO4J_POOL_SIZE: '2', MODELGRAPH_NEO4J_ACQUIRE_TIMEOUT_MS: '3000' });

  it('answers 429 RATE_LIMITED with Retry-After, stays ready, and serves again once a connection is free', async () => {
    // Two open transactions hold both pooled connections.
    const sessions = [graph.db.driver.session(), graph.db.driver.session()];
    const held = await Promise.all(sessions.map(async (s) => { const tx = s.beginTransaction(); await tx.run('RETURN 1'); return tx; }));
    try {
      const res = await fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ datasets { nodes { name } } }' }) });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 1 });
      const ready = await fetch(`${graph.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', busy: true });
      expect(graph.db.availability.isUp).toBe(true);
    } finally {
      for (const tx of held) await tx.rollback();
      for (const s of sessions) await s.close();
    }
    expect((await graph.gql('{ datasets { nodes { name } } }')).errors).toBeUndefined();
  });
});

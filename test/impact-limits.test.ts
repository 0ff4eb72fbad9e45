import { Neo4jError } from 'neo4j-driver';
import { Db } from '../src/db/db';
import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

const IMPACT = `query($of: NodeRef!) { impact(of: $of) { truncated items { nodes { node { id } distance } } summary { total } } }`;
const ORDERS_V1 = { type: 'DATASET_VERSION', namespace: 'warehouse', name: 'orders', version: 'v1' };

describe('traversal bounds', () => {
  // This file's service cuts traversals after 5 nodes; the time budget is checked with a stubbed read.
  const graph = useGraph({ MODELGRAPH_LINEAGE_MAX_NODES: '5', MODELGRAPH_LINEAGE_TIMEOUT_MS: '7000' });
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  it('cuts the result at the node limit, nearest first, and says so', async () => {
    const { impact } = await graph.ok(IMPACT, { of: ORDERS_V1 });
    expect(impact.truncated).toBe(true);
    expect(impact.summary.total).toBe(5);
    expect(impact.items.nodes.every((i: { distance: number }) => i.distance <= 2)).toBe(true);
    const small = await graph.ok(IMPACT, { of: { type: 'MODEL_VERSION', model: 'churn', version: '1' } });
    expect(small.impact).toMatchObject({ truncated: false, summary: { total: 2 } });
  });

  it('runs its one statement with the time budget, and answers TIMEOUT when Neo4j aborts it', async () => {
    const budgets: (number | undefined)[] = [];
    const realRead = graph.db.readOne.bind(graph.db);
    graph.db.readOne = (async (_work: unknown, timeoutMs?: number) => {
      budgets.push(timeoutMs);
      throw new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N06', 'timeout');
    }) as Db['readOne'];
    try {
      const result = await graph.gql(IMPACT, { of: ORDERS_V1 });
      expect(result.errors?.[0].extensions?.code).toBe('TIMEOUT');
      expect(budgets).toEqual([7000]);
    } finally {
      graph.db.readOne = realRead;
    }
  });
});

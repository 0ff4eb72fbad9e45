import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

const LINEAGE = `query($node: NodeRef!, $direction: LineageDirection!, $depth: Int) {
  lineage(node: $node, direction: $direction, depth: $depth) { origin { id } truncated nodes { id type label } edges { from to type } } }`;
const CHURN_1 = { type: 'MODEL_VERSION', model: 'churn', version: '1' };

const edgeList = (edges: { from: string; to: string; type: string }[]) => edges.map((e) => `${e.from} -${e.type}-> ${e.to}`).sort();

describe('lineage subgraphs for drawing', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  it('draws downstream, upstream and both, with edges as stored', async () => {
    const down = (await graph.ok(LINEAGE, { node: CHURN_1, direction: 'DOWNSTREAM' })).lineage;
    expect(down.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['dep-prod', 'ens-churn', 'mv-churn-1']);
    expect(edgeList(down.edges)).toEqual(['dep-prod -SERVES-> ens-churn', 'ens-churn -MEMBER-> mv-churn-1']);
    const up = (await graph.ok(LINEAGE, { node: CHURN_1, direction: 'UPSTREAM', depth: 1 })).lineage;
    expect(edgeList(up.edges)).toEqual([
      'mv-churn-1 -PRODUCED_BY-> run-train-1', 'mv-churn-1 -TRAINED_ON-> dv-profile-1', 'mv-churn-1 -USES_FEATURE-> fe-avg-order',
      'run-train-1 -READ-> dv-profile-1']); // both ends are one hop up: every edge between drawn nodes is drawn
    const both = await graph.gql(LINEAGE, { node: CHURN_1, direction: 'BOTH', depth: 1 });
    expect(edgeList(both.data.lineage.edges)).toEqual([...edgeList(up.edges), 'ens-churn -MEMBER-> mv-churn-1'].sort());
    expect(both.data.lineage.nodes).toContainEqual({ id: 'fe-avg-order', type: 'FEATURE', label: 'fs/avg_order' });
    expect(both.statements).toBe(3); // resolve + upstream + downstream
  });

  it('starts from any node type, and stops the upstream of a dataset version at its raw inputs', async () => {
    const profile = (await graph.ok(LINEAGE, {
      node: { type: 'DATASET_VERSION', namespace: 'features', name: 'customer_profile', version: 'v1' }, direction: 'UPSTREAM',
    })).lineage;
    expect(profile.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
      'ds-orders', 'ds-profile', 'ds-stats', 'dv-orders-1', 'dv-profile-1', 'dv-stats-1', 'job-etl', 'job-profile', 'run-etl-1', 'run-profile-1']);
    const job = (await graph.ok(LINEAGE, { node: { type: 'JOB', namespace: 'pipelines', name: 'order_stats' }, direction: 'DOWNSTREAM', depth: 2 })).lineage;
    expect(job.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['dv-stats-1', 'dv-stats-2', 'job-etl', 'run-etl-1', 'run-etl-2']);
    const missing = await graph.gql(LINEAGE, { node: { type: 'DEPLOYMENT', name: 'nope' }, direction: 'BOTH' });
    expect(missing.errors?.[0]).toMatchObject({ message: "Deployment 'nope' not found.", extensions: { code: 'NOT_FOUND' } });
  });
});

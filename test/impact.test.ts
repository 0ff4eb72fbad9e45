import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

const IMPACT = `query($of: NodeRef!, $depth: Int, $servedOnly: Boolean, $asOf: DateTimeISO, $types: [NodeType!], $maxPaths: Int, $page: PageInput) {
  impact(of: $of, depth: $depth, servedOnly: $servedOnly, asOf: $asOf, types: $types, maxPaths: $maxPaths, page: $page) {
    origin { id type label } truncated depth
    items { nodes { node { id type label } distance truncated served
                    serving { deployment environment trafficShare direct ensemble weight }
                    paths { nodes { id } relationships } }
            pageInfo { hasNextPage endCursor } }
    summary { total byType { type count } servedDeployments { name environment via } } } }`;

const ORDERS_V1 = { type: 'DATASET_VERSION', namespace: 'warehouse', name: 'orders', version: 'v1' };
const ORDERS_V2 = { type: 'DATASET_VERSION', namespace: 'warehouse', name: 'orders', version: 'v2' };
const CHURN_1 = { type: 'MODEL_VERSION', model: 'churn', version: '1' };
const PAGE = { first: 200 }; // under the service's query-cost limit (page size x selected fields)

type Item = { node: { id: string }; distance: number; truncated: boolean; served: boolean; serving: unknown[]; paths: { nodes: { id: string }[]; relationships: string[] }[] };
const ids = (items: Item[]) => items.map((i) => i.node.id).sort();
const distances = (items: Item[]) => Object.fromEntries(items.map((i) => [i.node.id, i.distance]));
const pathsOf = (items: Item[], id: string) => items.find((i) => i.node.id === id)!.paths.map((p) => p.nodes.map((n) => n.id).join(' > ')).sort();

describe('impact on a hand-built graph with known answers', () => {
  // A generous time budget: the shared test machine is slow when the traversal's plan is first compiled.
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  const impact = async (vars: Record<string, unknown>) => (await graph.ok(IMPACT, { page: PAGE, ...vars })).impact;
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  it('follows a version through derived datasets, runs, fields and features to the deployments serving now', async () => {
    const r = await impact({ of: ORDERS_V1 });
    expect(r.origin).toEqual({ id: 'dv-orders-1', type: 'DATASET_VERSION', label: 'warehouse/orders@v1' });
    expect(distances(r.items.nodes)).toEqual({
      'dv-orders-1.amount': 1, 'dv-orders-1.customer_id': 1, 'run-etl-1': 1,
      'dv-stats-1': 2, 'dv-stats-1.total_amount': 2, 'fe-spend': 2,
      'ds-stats': 3, 'fe-avg-order': 3, 'mv-fraud-1': 3, 'run-profile-1': 3, 'run-train-1': 3,
      'dv-profile-1': 4, 'ens-churn': 4, 'mv-churn-1': 4,
      'dep-prod': 5, 'ds-profile': 5, 'dv-profile-1.segment': 5,
    });
    expect(pathsOf(r.items.nodes, 'dv-profile-1')).toEqual(['dv-orders-1 > run-etl-1 > dv-stats-1 > run-profile-1 > dv-profile-1']);
    expect(r.items.nodes.find((i: Item) => i.node.id === 'dv-profile-1').paths[0].relationships).toEqual(['READ', 'WROTE', 'READ', 'WROTE']);
    expect(r.summary.total).toBe(17);
    expect(r.summary.servedDeployments).toEqual([{ name: 'churn-prod', environment: 'production', via: ['fraud@1', 'churn-ens', 'churn@1'] }]);
    expect(r.truncated).toBe(false);
  });

  it('reports every distinct path to a model reached several ways (diamonds)', async () => {
    const r = await impact({ of: ORDERS_V1 });
    expect(pathsOf(r.items.nodes, 'mv-churn-1')).toEqual([
      'dv-orders-1 > dv-orders-1.amount > dv-stats-1.total_amount > fe-avg-order > mv-churn-1',
      'dv-orders-1 > run-etl-1 > dv-stats-1 > dv-stats-1.total_amount > fe-avg-order > mv-churn-1',
      'dv-orders-1 > run-etl-1 > dv-stats-1 > run-profile-1 > dv-profile-1 > mv-churn-1',
      'dv-orders-1 > run-etl-1 > dv-stats-1 > run-profile-1 > dv-profile-1 > run-train-1 > mv-churn-1',
      'dv-orders-1 > run-etl-1 > dv-stats-1 > run-train-1 > mv-churn-1',
    ]);
    expect(pathsOf(r.items.nodes, 'ens-churn')).toHaveLength(6); // the five above + amount > spend > fraud@1
    const field = await impact({ of: { type: 'FIELD', namespace: 'warehouse', name: 'orders', version: 'v1', field: 'amount' } });
    expect(pathsOf(field.items.nodes, 'ens-churn')).toEqual([
      'dv-orders-1.amount > dv-stats-1.total_amount > fe-avg-order > mv-churn-1 > ens-churn',
      'dv-orders-1.amount > fe-spend > mv-fraud-1 > ens-churn',
    ]);
  });

  it('says where a model version is served: through an ensemble, with its weight, as of a time', async () => {
    const now = await impact({ of: CHURN_1 });
    expect(distances(now.items.nodes)).toEqual({ 'ens-churn': 1, 'dep-prod': 2 });
    // The deployments serving the origin itself count, directly or through an ensemble; an ensemble is an origin too.
    expect(now.summary.servedDeployments).toEqual([{ name: 'churn-prod', environment: 'production', via: ['churn@1', 'churn-ens'] }]);
    const ensemble = await impact({ of: { type: 'ENSEMBLE', name: 'churn-ens' }, servedOnly: true });
    expect(ensemble.summary.servedDeployments).toEqual([{ name: 'churn-prod', environment: 'production', via: ['churn-ens'] }]);
    const jan = await impact({ of: CHURN_1, asOf: '2026-01-10T00:00:00Z' });
    expect(distances(jan.items.nodes)).toEqual({ 'ens-churn': 1, 'dep-canary': 1, 'dep-prod': 2 });
    const rows = await impact({ of: ORDERS_V1, asOf: '2026-01-10T00:00:00Z', types: ['MODEL_VERSION'] });
    const churn = rows.items.nodes.find((i: Item) => i.node.id === 'mv-churn-1');
    expect(churn.serving).toEqual(expect.arrayContaining([
      { deployment: 'churn-canary', environment: 'staging', trafficShare: 1, direct: true, ensemble: null, weight: null },
      { deployment: 'churn-prod', environment: 'production', trafficShare: 1, direct: false, ensemble: 'churn-ens', weight: 0.7 },
    ]));
    expect(churn.serving).toHaveLength(2);
    expect(rows.items.nodes.map((i: Item) => i.node.id).sort()).toEqual(['mv-churn-1', 'mv-fraud-1']);
  });

  it('excludes retired deployments with servedOnly now, and includes them as of a time they served', async () => {
    const now = await impact({ of: ORDERS_V1, servedOnly: true });
    expect(ids(now.items.nodes)).not.toContain('dep-canary');
    expect(ids(now.items.nodes)).not.toContain('dv-orders-1.customer_id'); // leads to nothing served
    expect(now.summary.total).toBe(13);
    const then = await impact({ of: ORDERS_V1, servedOnly: true, asOf: '2026-01-10T00:00:00Z' });
    expect(ids(then.items.nodes)).toContain('dep-canary');
    expect(then.summary.servedDeployments.map((d: { name: string }) => d.name)).toEqual(['churn-canary', 'churn-prod']);
    const later = await impact({ of: ORDERS_V1, servedOnly: true, asOf: '2026-01-25T00:00:00Z' });
    expect(ids(later.items.nodes)).not.toContain('dep-canary');
  });

  it('follows only what consumed a version, and every version of a dataset', async () => {
    const v2 = await impact({ of: ORDERS_V2 });
    expect(ids(v2.items.nodes)).toEqual(['dep-shadow', 'ds-stats', 'dv-orders-2.amount', 'dv-orders-2.customer_id', 'dv-stats-2',
      'dv-stats-2.total_amount', 'mv-churn-2', 'run-etl-2', 'run-train-2']);
    const dataset = await impact({ of: { type: 'DATASET', namespace: 'warehouse', name: 'orders' } });
    expect(dataset.summary.total).toBe(27);
    expect(ids(dataset.items.nodes)).toEqual(expect.arrayContaining(['dv-orders-1', 'dv-orders-2', 'mv-churn-1', 'mv-churn-2', 'dep-shadow']));
    const jan = await impact({ of: { type: 'DATASET', namespace: 'warehouse', name: 'orders' }, asOf: '2026-01-10T00:00:00Z' });
    expect(ids(jan.items.nodes)).not.toContain('dv-orders-2');
    expect(ids(jan.items.nodes)).not.toContain('mv-churn-2');
  });

  it('follows a field through derived fields and features to models and deployments only', async () => {
    const r = await impact({ of: { type: 'FIELD', namespace: 'warehouse', name: 'orders', version: 'v1', field: 'amount' } });
    expect(distances(r.items.nodes)).toEqual({
      'dv-stats-1.total_amount': 1, 'fe-spend': 1, 'fe-avg-order': 2, 'mv-fraud-1': 2, 'mv-churn-1': 3, 'ens-churn': 3, 'dep-prod': 4,
    });
    // Without a version: that field in every version, all of them origins (the newest first).
    const every = await impact({ of: { type: 'FIELD', namespace: 'warehouse', name: 'orders', field: 'amount' } });
    expect(every.origin.label).toBe('warehouse/orders@v2.amount');
    expect(ids(every.items.nodes)).toEqual([...ids(r.items.nodes), 'dv-stats-2.total_amount'].sort());
    const jan = await impact({ of: { type: 'FIELD', namespace: 'warehouse', name: 'orders', field: 'amount' }, asOf: '2026-01-10T00:00:00Z' });
    expect(jan.origin.label).toBe('warehouse/orders@v1.amount');
  });

  it('enforces depth, caps paths per node and says so', async () => {
    const shallow = await impact({ of: ORDERS_V1, depth: 2 });
    expect(Math.max(...shallow.items.nodes.map((i: Item) => i.distance))).toBe(2);
    expect(shallow.summary.total).toBe(6);
    const capped = await impact({ of: ORDERS_V1, maxPaths: 2 });
    const churn = capped.items.nodes.find((i: Item) => i.node.id === 'mv-churn-1');
    expect(churn).toMatchObject({ truncated: true });
    expect(churn.paths).toHaveLength(2);
    expect(capped.items.nodes.find((i: Item) => i.node.id === 'dv-profile-1').truncated).toBe(false);
    for (const depth of [0, 21]) {
      const bad = await graph.gql(IMPACT, { of: ORDERS_V1, depth });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    }
  });

  it('filters by type, pages with cursors, and names missing or incomplete origins', async () => {
    const models = await impact({ of: ORDERS_V1, types: ['MODEL_VERSION', 'DEPLOYMENT'] });
    expect(ids(models.items.nodes)).toEqual(['dep-prod', 'mv-churn-1', 'mv-fraud-1']);
    expect(models.summary.byType).toContainEqual({ type: 'FIELD', count: 4 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await impact({ of: ORDERS_V1, page: { first: 5, after } });
      seen.push(...page.items.nodes.map((i: Item) => i.node.id));
      after = page.items.pageInfo.hasNextPage ? page.items.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(ids((await impact({ of: ORDERS_V1 })).items.nodes));
    const missing = await graph.gql(IMPACT, { of: { ...ORDERS_V1, version: 'v9' } });
    expect(missing.errors?.[0]).toMatchObject({ message: "DatasetVersion 'warehouse/orders@v9' not found.", extensions: { code: 'NOT_FOUND' } });
    const incomplete = await graph.gql(IMPACT, { of: { type: 'DATASET', name: 'orders' } });
    expect(incomplete.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'of' });
    const wrongType = await graph.gql(IMPACT, { of: { type: 'DEPLOYMENT', name: 'churn-prod' } });
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'of.type' });
  });

  // With the traversal procedures (as here) one statement resolves the origin, walks and builds the
  // page in the store; the pure-Cypher engine sends two (test/traversal-engines.test.ts).
  it('answers in one Cypher statement (resolve, traversal and page together)', async () => {
    const r = await graph.gql(IMPACT, { of: { type: 'DATASET', namespace: 'warehouse', name: 'orders' }, page: PAGE });
    expect(r.errors).toBeUndefined();
    expect(r.statements).toBe(1);
  });
});

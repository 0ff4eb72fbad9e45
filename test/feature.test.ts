import { useGraph } from './support/graph';

const REGISTER_DATASET = `mutation($input: RegisterDatasetVersionInput!) {
  registerDatasetVersion(input: $input) { id fields { id name } }
}`;

const UPSERT = `mutation($input: UpsertFeatureInput!) {
  upsertFeature(input: $input) { id namespace name description transformation derivedFrom { name datasetVersion { version } } }
}`;

const orders = { namespace: 'warehouse', name: 'orders', version: 'v1', fields: [{ name: 'amount' }, { name: 'customer_id' }, { name: 'ts' }] };
const byKey = (field: string) => ({ namespace: 'warehouse', name: 'orders', version: 'v1', field });

describe('features and their lineage to dataset fields', () => {
  const graph = useGraph();
  const relationships = async () => (await graph.db.runAutoCommit('MATCH ()-[r]->() RETURN count(r) AS n'))[0].n as number;
  const names = (list: { name: string }[]) => list.map((x) => x.name).sort();

  it('creates a feature derived from fields named by key or by id, and shows it on the fields', async () => {
    const { registerDatasetVersion: dv } = await graph.ok(REGISTER_DATASET, { input: orders });
    const tsId = dv.fields.find((f: { name: string }) => f.name === 'ts').id;
    const { upsertFeature: f } = await graph.ok(UPSERT, { input: {
      namespace: 'fraud', name: 'avg_amount_7d', description: '7-day mean', transformation: 'avg(amount) over 7d',
      derivedFrom: [byKey('amount'), { id: tsId }],
    } });
    expect(f).toMatchObject({ namespace: 'fraud', name: 'avg_amount_7d', description: '7-day mean', transformation: 'avg(amount) over 7d' });
    expect(names(f.derivedFrom)).toEqual(['amount', 'ts']);
    expect(f.derivedFrom[0].datasetVersion).toEqual({ version: 'v1' });

    const { featureByName, feature } = await graph.ok(`query($id: ID!) {
      featureByName(namespace: "fraud", name: "avg_amount_7d") { id }
      feature(id: $id) { name }
    }`, { id: f.id });
    expect(featureByName.id).toBe(f.id);
    expect(feature.name).toBe('avg_amount_7d');
    const { datasetVersion } = await graph.ok(`{ datasetVersion(ref: { namespace: "warehouse", name: "orders", version: "v1" }) {
      fields { name features { name } } } }`);
    expect(datasetVersion.fields).toEqual([
      { name: 'amount', features: [{ name: 'avg_amount_7d' }] },
      { name: 'customer_id', features: [] },
      { name: 'ts', features: [{ name: 'avg_amount_7d' }] },
    ]);
  });

  it('replaces the derivedFrom set on update, keeps it when omitted, and keeps omitted texts', async () => {
    await graph.ok(REGISTER_DATASET, { input: orders });
    const input = { namespace: 'fraud', name: 'f1', description: 'd', derivedFrom: [byKey('amount'), byKey('ts')] };
    const first = (await graph.ok(UPSERT, { input })).upsertFeature;
    const replaced = (await graph.ok(UPSERT, { input: { namespace: 'fraud', name: 'f1', derivedFrom: [byKey('customer_id')] } })).upsertFeature;
    expect(replaced.id).toBe(first.id);
    expect(replaced.description).toBe('d');
    expect(names(replaced.derivedFrom)).toEqual(['customer_id']);
    const kept = (await graph.ok(UPSERT, { input: { namespace: 'fraud', name: 'f1', transformation: 't' } })).upsertFeature;
    expect(kept).toMatchObject({ description: 'd', transformation: 't' });
    expect(names(kept.derivedFrom)).toEqual(['customer_id']);
    const cleared = (await graph.ok(UPSERT, { input: { namespace: 'fraud', name: 'f1', derivedFrom: [] } })).upsertFeature;
    expect(cleared.derivedFrom).toEqual([]);
    expect(await graph.countNodes()).toBe(1 + 1 + 3 + 1); // dataset, version, fields, feature
  });

  it('names an unknown field in a NOT_FOUND error and writes nothing', async () => {
    await graph.ok(REGISTER_DATASET, { input: orders });
    const [nodes, rels] = [await graph.countNodes(), await relationships()];
    const result = await graph.gql(UPSERT, { input: { namespace: 'fraud', name: 'f1', derivedFrom: [byKey('amount'), byKey('nope')] } });
    expect(result.errors?.[0]).toMatchObject({ message: "Field 'warehouse/orders@v1.nope' not found.", extensions: { code: 'NOT_FOUND' } });
    expect([await graph.countNodes(), await relationships()]).toEqual([nodes, rels]);
    const missing = await graph.gql('{ featureByName(namespace: "fraud", name: "f1") { id } }');
    expect(missing.errors?.[0]).toMatchObject({ message: "Feature 'fraud/f1' not found.", extensions: { code: 'NOT_FOUND' } });
  });

  it('rejects invalid input with a coded error naming the field, writing nothing', async () => {
    await graph.ok(REGISTER_DATASET, { input: orders });
    const nodes = await graph.countNodes();
    const ok = { namespace: 'fraud', name: 'f1', derivedFrom: [byKey('amount')] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, namespace: '' }, 'input.namespace'],
      [{ ...ok, name: 'bad\u0001name' }, 'input.name'],
      [{ ...ok, description: 'x'.repeat(10_001) }, 'input.description'],
      [{ ...ok, transformation: 'x'.repeat(10_001) }, 'input.transformation'],
      [{ ...ok, derivedFrom: [byKey('amount'), { namespace: 'warehouse', name: 'orders' }] }, 'input.derivedFrom[1]'],
    ];
    for (const [input, field] of cases) {
      const result = await graph.gql(UPSERT, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await graph.countNodes()).toBe(nodes);
  });

  it('lists features by filter and page, resolving relationship fields in batches', async () => {
    await graph.ok(REGISTER_DATASET, { input: orders });
    for (let i = 0; i < 6; i++) {
      await graph.ok(UPSERT, { input: { namespace: i < 4 ? 'fraud' : 'ads', name: `f${i}`, derivedFrom: [byKey('amount'), byKey('ts')] } });
    }
    const q = `query($after: String) { features(filter: { namespace: "fraud" }, page: { first: 3, after: $after }) {
      nodes { name derivedFrom { name features { name } } usedBy { importance } } pageInfo { hasNextPage endCursor } } }`;
    const first = await graph.gql(q);
    expect(first.data.features.nodes.map((n: { name: string }) => n.name)).toEqual(['f0', 'f1', 'f2']);
    expect(first.data.features.nodes[0].derivedFrom[0].features).toHaveLength(6);
    // One statement per level (list, derivedFrom, features, usedBy), not one per row.
    expect(first.statements).toBeLessThanOrEqual(4);
    const second = await graph.ok(q, { after: first.data.features.pageInfo.endCursor });
    expect(second.features).toMatchObject({ nodes: [{ name: 'f3' }], pageInfo: { hasNextPage: false } });
    const { features } = await graph.ok('{ features(filter: { nameContains: "F5" }) { nodes { namespace name } } }');
    expect(features.nodes).toEqual([{ namespace: 'ads', name: 'f5' }]);
  });
});

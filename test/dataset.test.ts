import { useGraph } from './support/graph';

const REGISTER = `mutation($input: RegisterDatasetVersionInput!) {
  registerDatasetVersion(input: $input) { id version rowCount dataset { namespace name } fields { name type position } }
}`;

const v1 = {
  namespace: 'warehouse', name: 'orders', version: 'v1', rowCount: 10,
  fields: [{ name: 'order_id', type: 'int' }, { name: 'amount', type: 'double' }],
};

describe('datasets, versions and fields', () => {
  const graph = useGraph();

  it('registers a version with its fields and creates the dataset', async () => {
    const { registerDatasetVersion: v } = await graph.ok(REGISTER, { input: v1 });
    expect(v.dataset).toEqual({ namespace: 'warehouse', name: 'orders' });
    expect(v.fields.map((f: { name: string }) => f.name)).toEqual(['order_id', 'amount']);
    const { datasetByName } = await graph.ok(`{ datasetByName(namespace: "warehouse", name: "orders") {
      versions { version } currentVersion { version fields { name } } } }`);
    expect(datasetByName.versions).toEqual([{ version: 'v1' }]);
    expect(datasetByName.currentVersion.fields).toHaveLength(2);
  });

  it('treats the same version with the same content as a no-op and other content as a CONFLICT', async () => {
    const first = await graph.ok(REGISTER, { input: v1 });
    const again = await graph.ok(REGISTER, { input: v1 });
    expect(again.registerDatasetVersion.id).toBe(first.registerDatasetVersion.id);
    const nodes = await graph.countNodes();
    const changed = await graph.gql(REGISTER, { input: { ...v1, rowCount: 11 } });
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await graph.countNodes()).toBe(nodes);
  });

  it('answers which version was current at a point in time', async () => {
    await graph.ok(REGISTER, { input: { ...v1, createdAt: '2026-01-01T00:00:00Z' } });
    await graph.ok(REGISTER, { input: { ...v1, version: 'v2', createdAt: '2026-03-01T00:00:00Z' } });
    const { datasetByName: d } = await graph.ok(`{ datasetByName(namespace: "warehouse", name: "orders") {
      feb: currentVersion(asOf: "2026-02-01T00:00:00Z") { version }
      now: currentVersion { version }
      before: currentVersion(asOf: "2025-01-01T00:00:00Z") { version } } }`);
    expect(d).toEqual({ feb: { version: 'v1' }, now: { version: 'v2' }, before: null });
  });

  it('rejects invalid input with a coded error naming the field, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...v1, name: '' }, 'input.name'],
      [{ ...v1, version: 'x'.repeat(600) }, 'input.version'],
      [{ ...v1, fields: [{ name: 'a' }, { name: 'a' }] }, 'input.fields'],
      [{ ...v1, rowCount: -1 }, 'input.rowCount'],
      [{ ...v1, namespace: 'bad\u0000ns' }, 'input.namespace'],
    ];
    for (const [input, field] of cases) {
      const result = await graph.gql(REGISTER, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const upsert = await graph.gql('mutation { upsertDataset(input: { namespace: "ns", name: "  " }) { id } }');
    expect(upsert.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const longDescription = await graph.gql('mutation($d: String) { upsertDataset(input: { namespace: "ns", name: "n", description: $d }) { id } }',
      { d: 'x'.repeat(20_000) });
    expect(longDescription.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(await graph.countNodes()).toBe(0);
  });

  it('names a missing dataset in a NOT_FOUND error', async () => {
    const result = await graph.gql('{ datasetByName(namespace: "x", name: "nope") { id } }');
    expect(result.errors?.[0]).toMatchObject({ message: "Dataset 'x/nope' not found.", extensions: { code: 'NOT_FOUND' } });
  });

  it('stores names with quotes, backticks and Cypher keywords literally', async () => {
    const name = "o'rders`} RETURN 1 // \"x\" DETACH DELETE n";
    await graph.ok(REGISTER, { input: { ...v1, name } });
    const { datasetByName } = await graph.ok('query($n: String!) { datasetByName(namespace: "warehouse", name: $n) { name } }', { n: name });
    expect(datasetByName.name).toBe(name);
  });

  it('pages through datasets with stable cursors', async () => {
    for (let i = 0; i < 5; i++) await graph.ok(REGISTER, { input: { ...v1, name: `t${i}` } });
    const q = 'query($after: String) { datasets(page: { first: 2, after: $after }) { nodes { name } pageInfo { hasNextPage endCursor } } }';
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { datasets }: any = await graph.ok(q, { after });
      names.push(...datasets.nodes.map((n: { name: string }) => n.name));
      if (!datasets.pageInfo.hasNextPage) break;
      after = datasets.pageInfo.endCursor;
    }
    expect(names).toEqual(['t0', 't1', 't2', 't3', 't4']);
    const bad = await graph.gql('{ datasets(page: { first: 100000 }) { nodes { id } } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page.first' });
  });
});

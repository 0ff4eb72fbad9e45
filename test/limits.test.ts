import { Neo4jError } from 'neo4j-driver';
import { query } from '../src/db/query';
import { newScope, requestScope } from '../src/db/request-scope';
import { translateError } from '../src/common/translate-error';
import { useGraph } from './support/graph';

/** Limits on what one request may ask: depth, cost, page size, body size, time; introspection off. */
const post = (url: string, body: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('query depth and complexity', () => {
  const graph = useGraph({ MODELGRAPH_MAX_DEPTH: '4', MODELGRAPH_MAX_COMPLEXITY: '300' });

  it('refuses an operation nested too deep before any statement (fragments count)', async () => {
    const deep = '{ datasets { nodes { versions { fields { datasetVersion { id } } } } } }';
    const res = await post(graph.url, JSON.stringify({ query: deep }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0]).toMatchObject({ message: 'The operation is nested 6 levels deep; at most 4 are allowed.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 4, actual: 6 } });
    expect(res.headers.get('x-cypher-statements')).toBe('0');
    const viaFragment = await graph.gql('{ datasets { nodes { ...V } } } fragment V on Dataset { versions { fields { datasetVersion { id } } } }');
    expect(viaFragment.errors?.[0].extensions).toMatchObject({ limit: 'depth', actual: 6 });
    expect((await graph.gql('{ datasets { nodes { versions { id } } } }')).errors).toBeUndefined();
  });

  it('estimates cost with the request variables: page.first multiplies what is under it', async () => {
    const q = 'query Q($n: Int) { datasets(page: { first: $n }) { nodes { id name versions { id version } } } }';
    expect((await graph.gql(q, { n: 10 })).errors).toBeUndefined();
    const refused = await graph.gql(q, { n: 100 });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'complexity', max: 300 } });
    expect(refused.errors?.[0].message).toMatch(/estimated cost is \d+; at most 300/);
    expect(refused.statements).toBe(0);
  });

  it('leaves introspection (GraphiQL) out of the depth limit', async () => {
    const res = await graph.gql('{ __type(name: "Dataset") { name fields { name type { name ofType { name ofType { name } } } } } }');
    expect(res.errors).toBeUndefined();
  });
});

describe('page size, body size, time budget', () => {
  const graph = useGraph({ MODELGRAPH_MAX_BODY: '20kb', MODELGRAPH_MAX_PAGE_SIZE: '20' });

  it('refuses a page larger than MODELGRAPH_MAX_PAGE_SIZE', async () => {
    const res = await graph.gql('{ datasets(page: { first: 21 }) { nodes { id } } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page.first' });
  });

  it('answers an oversize body with a 413 JSON error, and bad JSON with a 400', async () => {
    const big = JSON.stringify({ query: 'mutation($d: String) { upsertDataset(input: { namespace: "n", name: "x", description: $d }) { id } }', variables: { d: 'x'.repeat(30_000) } });
    const res = await post(graph.url, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errors: [{ message: 'The request body is larger than 20kb (MODELGRAPH_MAX_BODY).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const bad = await post(graph.url, '{"query": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(await graph.countNodes()).toBe(0);
  });

  it('stops a statement that outruns the request budget in Neo4j itself: TIMEOUT', async () => {
    const slow = query<Record<string, never>>('test/slow', 'UNWIND range(1, 300000000) AS x RETURN sum(x) AS s');
    const error = await requestScope.run(newScope('budget', 300), () => graph.db.read((tx) => tx.run(slow, {}))).catch((e) => e);
    expect(translateError(error)).toMatchObject({ code: 'TIMEOUT' });
    // The server's own error: Neo4j stopped the statement at the transaction timeout it was sent.
    expect(error).toBeInstanceOf(Neo4jError);
    expect(error.code).toMatch(/^Neo\.ClientError\.Transaction\.TransactionTimedOut/);
  });

  it('sends the budget with a one-statement auto-commit read too, and refuses its second statement', async () => {
    const slow = query<Record<string, never>>('test/slow', 'UNWIND range(1, 300000000) AS x RETURN sum(x) AS s');
    const error = await requestScope.run(newScope('budget', 300), () => graph.db.readOne((tx) => tx.run(slow, {}))).catch((e) => e);
    expect(translateError(error)).toMatchObject({ code: 'TIMEOUT' });
    expect(error.code).toMatch(/^Neo\.ClientError\.Transaction\.TransactionTimedOut/);
    const one = query<Record<string, never>, { n: number }>('test/one', 'RETURN 1 AS n');
    expect(await graph.db.readOne((tx) => tx.run(one, {}))).toEqual([{ n: 1 }]);
    await expect(graph.db.readOne(async (tx) => { await tx.run(one, {}); return tx.run(one, {}); })).rejects.toThrow(/one statement/);
  });
});

describe('a request past its budget', () => {
  const graph = useGraph({ MODELGRAPH_REQUEST_TIMEOUT_MS: '1' });

  it('fails with TIMEOUT instead of starting another transaction', async () => {
    const res = await graph.gql('{ a: datasets { nodes { id } } b: datasetByName(namespace: "n", name: "x") { id } }');
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('TIMEOUT');
  });
});

describe('introspection off (MODELGRAPH_INTROSPECTION=false)', () => {
  const graph = useGraph({ MODELGRAPH_INTROSPECTION: 'false' });

  it('refuses __schema and __type', async () => {
    for (const q of ['{ __schema { types { name } } }', '{ __type(name: "Dataset") { name } }']) {
      const res = await graph.gql(q);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toMatch(/introspection/i);
    }
    expect((await graph.gql('{ version }')).errors).toBeUndefined();
  });
});

describe('inputs', () => {
  const graph = useGraph();
  const NAMES = [`it's "quoted"`, 'back`tick` }) DETACH DELETE n //', '{braces} $param', 'MATCH (n) DETACH DELETE n; RETURN 1', "\\' OR 1=1 --"];

  it('stores names with quotes, backticks, braces and Cypher keywords literally, across mutations', async () => {
    for (const [i, name] of NAMES.entries()) {
      const ds = await graph.ok('mutation($ns: String!, $n: String!, $f: String!) { registerDatasetVersion(input: { namespace: $ns, name: $n, version: $n, fields: [{ name: $f }] }) { version dataset { namespace name } fields { name } } }', { ns: name, n: name, f: name });
      expect(ds.registerDatasetVersion).toEqual({ version: name, dataset: { namespace: name, name }, fields: [{ name }] });
      const mv = await graph.ok('mutation($m: String!) { registerModelVersion(input: { model: $m, version: $m, tags: [$m] }) { version tags } }', { m: name });
      expect(mv.registerModelVersion).toEqual({ version: name, tags: [name] });
      const dep = await graph.ok('mutation($d: String!) { upsertDeployment(input: { name: $d, environment: $d }) { name environment } }', { d: name });
      expect(dep.upsertDeployment).toEqual({ name, environment: name });
      const back = await graph.ok('query($ns: String!, $n: String!) { datasetByName(namespace: $ns, name: $n) { name } }', { ns: name, n: name });
      expect(back.datasetByName.name).toBe(name);
      expect(await graph.countNodes()).toBe((i + 1) * (3 + 2 + 1)); // dataset+version+field, model+version, deployment
    }
  });

  it('rejects NaN and infinite numbers, and bad timestamps, writing nothing', async () => {
    await graph.ok('mutation { upsertDeployment(input: { name: "d", environment: "prod" }) { id } }');
    const nodes = await graph.countNodes();
    const metric = 'mutation($v: Float!, $t: DateTimeISO!) { recordMetrics(points: [{ target: { deployment: "d" }, name: "auc", value: $v, timestamp: $t }]) { points } }';
    const infinite = await post(graph.url, `{"query": ${JSON.stringify(metric)}, "variables": {"v": 1e999, "t": "2026-01-01T00:00:00Z"}}`);
    expect(((await infinite.json()) as any).errors[0].message).toMatch(/Float cannot represent non numeric value: Infinity/);
    const literal = await graph.gql('mutation { recordMetrics(points: [{ target: { deployment: "d" }, name: "auc", value: 1e999, timestamp: "2026-01-01T00:00:00Z" }]) { points } }');
    expect(literal.errors?.length).toBeGreaterThan(0);
    for (const t of ['yesterday', '2026-13-45T00:00:00Z', '2026-01-01', '']) {
      const res = await graph.gql(metric, { v: 1, t });
      expect(res.errors?.[0].message).toMatch(/DateTimeISO|date|time/i);
    }
    const badVersion = await graph.gql('mutation { registerDatasetVersion(input: { namespace: "n", name: "x", version: "1", createdAt: "not a date" }) { id } }');
    expect(badVersion.errors?.length).toBeGreaterThan(0);
    expect(await graph.countNodes()).toBe(nodes);
  });
});

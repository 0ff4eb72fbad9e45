import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useGraph } from './support/graph';

/** The ingestion endpoints against the fixtures in test/fixtures/openlineage: what is accepted, rejected, and how. */
const FIXTURES = path.resolve(__dirname, 'fixtures/openlineage');
const fixture = (rel: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, rel), 'utf8'));
const filesIn = (dir: string) => fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);

const VALID = [...filesIn('marquez/open_lineage'), 'openlineage-proxy/event_simple.json', 'openlineage-proxy/event_full.json'];
const INVALID = filesIn('openlineage-proxy').filter((f) => /event_invalid_|event_no_run_id/.test(f));

const RUN = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const event = (eventType: string, eventTime: string, extra: Record<string, unknown> = {}) => ({
  eventType, eventTime, producer: 'https://example.com/test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: RUN }, job: { namespace: 'etl', name: 'load_orders' },
  inputs: [{ namespace: 'pg', name: 'raw.orders' }],
  outputs: [{ namespace: 'pg', name: 'clean.orders', facets: { schema: {
    _producer: 'https://example.com/test', _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json',
    fields: [{ name: 'id', type: 'INT' }, { name: 'amount', type: 'DECIMAL' }] } } }],
  ...extra,
});

describe('OpenLineage ingestion: POST /api/v1/lineage', () => {
  const graph = useGraph();
  const post = (body: unknown, headers: Record<string, string> = {}, route = '/api/v1/lineage') =>
    fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body instanceof Buffer ? body : JSON.stringify(body) });
  /** Every node and relationship with its properties, in a stable order: "nothing changed" checks. */
  const snapshot = async () => {
    const nodes = await graph.db.runAutoCommit('MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n) AS l, properties(n) AS p');
    const rels = await graph.db.runAutoCommit('MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(r) AS p, elementId(a) AS a, elementId(b) AS b');
    // Property order in Neo4j is not defined: sort keys so equal graphs give equal snapshots.
    const sortKeys = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v);
    const keyed = (rows: unknown[]) => rows.map((r) => JSON.stringify(sortKeys(r))).sort();
    return { nodes: keyed(nodes), rels: rels.length };
  };

  it.each(VALID)('accepts %s with 201 and an empty body', async (file) => {
    const res = await post(fixture(file));
    expect({ status: res.status, body: await res.text() }).toEqual({ status: 201, body: '' });
    expect(await graph.countNodes()).toBeGreaterThan(0);
  });

  it.each(INVALID)('rejects %s with 400 and its reasons, storing nothing', async (file) => {
    const res = await post(fixture(file));
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.reasons.length).toBeGreaterThan(0);
    expect(await graph.countNodes()).toBe(0);
  });

  it('names the offending facet in its reasons', async () => {
    const body: any = await (await post(fixture('openlineage-proxy/event_invalid_run_facet.json'))).json();
    expect(body.reasons).toEqual(["/run/facets/parent/run must have required property 'runId'"]);
    const bad: any = await (await post(fixture('openlineage-proxy/event_invalid_input_dataset_facet.json'))).json();
    expect(bad.reasons.join()).toMatch(/noRowCount/);
  });

  it('rejects a body that is not JSON, or an array, with 400', async () => {
    expect((await post(Buffer.from('{"run": Not a JSON}'))).status).toBe(400);
    expect((await post([event('START', '2026-01-01T00:00:00Z')])).status).toBe(400);
    expect(await graph.countNodes()).toBe(0);
  });

  it('accepts gzip-compressed events', async () => {
    const res = await post(zlib.gzipSync(JSON.stringify(event('COMPLETE', '2026-01-01T00:05:00Z'))), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(201);
    const rows = await graph.db.runAutoCommit('MATCH (r:Run {runId: $id})-[:WROTE]->(v)-[:HAS_FIELD]->(f) RETURN r.state AS state, count(f) AS fields', { id: RUN });
    expect(rows).toEqual([{ state: 'COMPLETE', fields: 2 }]);
  });

  it('refuses a body over the size limit with 413, also when it only grows past it once inflated', async () => {
    const huge = event('START', '2026-01-01T00:00:00Z', { job: { namespace: 'etl', name: 'x'.repeat(6 * 1024 * 1024) } });
    const plain = await post(huge);
    expect(plain.status).toBe(413);
    expect(((await plain.json()) as any).error).toMatch(/larger than 5242880 bytes/);
    expect((await post(zlib.gzipSync(JSON.stringify(huge)), { 'content-encoding': 'gzip' })).status).toBe(413);
    expect(await graph.countNodes()).toBe(0);
  });

  it('is idempotent: the same events again change nothing', async () => {
    await post(event('START', '2026-01-01T00:00:00Z'));
    await post(event('COMPLETE', '2026-01-01T00:05:00Z'));
    const before = await snapshot();
    await post(event('START', '2026-01-01T00:00:00Z'));
    await post(event('COMPLETE', '2026-01-01T00:05:00Z'));
    expect(await snapshot()).toEqual(before);
  });

  it('ends in the same graph when COMPLETE arrives before START', async () => {
    const start = event('START', '2026-01-01T00:00:00Z');
    const complete = event('COMPLETE', '2026-01-01T00:05:00Z', { outputs: [] }); // outputs declared on START only
    const ignoreIds = (s: { nodes: string[]; rels: number }) => ({ ...s, nodes: s.nodes.map((n) => n.replace(/"(id|datasetId|datasetVersionId|jobId|createdAt|updatedAt|recordedAt)":"[^"]*"/g, '')).sort() });
    await post(start); await post(complete);
    const inOrder = ignoreIds(await snapshot());
    await graph.db.runAutoCommit('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n');
    await post(complete); await post(start);
    expect(ignoreIds(await snapshot())).toEqual(inOrder);
    const [run] = await graph.db.runAutoCommit('MATCH (r:Run {runId: $id}) RETURN r.state AS state, r.startedAt AS s, r.endedAt AS e', { id: RUN });
    expect(run).toEqual({ state: 'COMPLETE', s: new Date('2026-01-01T00:00:00Z'), e: new Date('2026-01-01T00:05:00Z') });
    const versions = await graph.db.runAutoCommit('MATCH (d)<-[:VERSION_OF]-(v:DatasetVersion) RETURN d.name AS d, v.version AS v, v.createdAt AS at ORDER BY d');
    expect(versions).toEqual([
      { d: 'clean.orders', v: `run:${RUN}`, at: new Date('2026-01-01T00:05:00Z') },
      { d: 'raw.orders', v: 'openlineage:initial', at: new Date('2026-01-01T00:00:00Z') },
    ]);
  });

  it('stores the valid events of a batch and reports the rejected ones (partial_success)', async () => {
    const res = await post([event('START', '2026-01-01T00:00:00Z'), fixture('openlineage-proxy/event_no_run_id.json'), event('COMPLETE', '2026-01-01T00:05:00Z')], {}, '/api/v1/lineage/batch');
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body).toMatchObject({ status: 'partial_success', accepted: 2, rejected: 1 });
    expect(body.events[1]).toEqual({ index: 1, status: 'rejected', errors: ["/run must have required property 'runId'"] });
    const rows = await graph.db.runAutoCommit('MATCH (r:Run)-[:WROTE]->(:DatasetVersion) RETURN r.state AS state');
    expect(rows).toEqual([{ state: 'COMPLETE' }]);
    const ok = await (await post([event('START', '2026-01-01T00:00:00Z')], {}, '/api/v1/lineage/batch')).json();
    expect(ok).toMatchObject({ status: 'success', accepted: 1, rejected: 0 });
  });
});

describe('OpenLineage and GraphQL describe the same nodes', () => {
  const graph = useGraph();
  const REGISTER = `mutation($input: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $input) { id version } }`;

  it('registering through GraphQL the version an event produced, with the same fields, is no conflict', async () => {
    await graph.ok(`mutation { upsertDataset(input: { namespace: "pg", name: "clean.orders", description: "Cleaned orders" }) { id } }`);
    const res = await fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event('COMPLETE', '2026-01-01T00:05:00Z')) });
    expect(res.status).toBe(201);
    const rows = await graph.db.runAutoCommit("MATCH (d:Dataset {namespace: 'pg', name: 'clean.orders'}) RETURN count(d) AS n, d.description AS description");
    expect(rows).toEqual([{ n: 1, description: 'Cleaned orders' }]);
    const { registerDatasetVersion } = await graph.ok(REGISTER, { input: {
      namespace: 'pg', name: 'clean.orders', version: `run:${RUN}`, fields: [{ name: 'id', type: 'INT' }, { name: 'amount', type: 'DECIMAL' }],
    } });
    expect(registerDatasetVersion.version).toBe(`run:${RUN}`);
  });
});

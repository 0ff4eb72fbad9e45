import zlib from 'node:zlib';
import { useGraph } from './support/graph';

/**
 * Bad input is a clear 4xx and writes nothing: content types a browser can send cross-site,
 * bodies that lie about their encoding, names over the index key limit, deep facets, tampered
 * cursors, lone surrogates - on GraphQL and OpenLineage alike.
 */
const LINEAGE = '/api/v1/lineage';

function event(jobName = 'job', extra: Record<string, unknown> = {}) {
  return {
    eventType: 'START', eventTime: '2026-01-01T00:00:00Z', producer: 'https://example.com/test',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: '0190c5a4-0000-7000-8000-000000000001' }, job: { namespace: 'ns', name: jobName }, inputs: [], outputs: [], ...extra,
  };
}

describe('bad input', () => {
  const graph = useGraph();

  async function post(route: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  describe('a state-changing REST request needs a JSON Content-Type (no cross-site form posts)', () => {
    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'none'])('refuses %s with 415 and stores nothing', async (type) => {
      for (const route of [LINEAGE, `${LINEAGE}/batch`]) {
        const body = JSON.stringify(route === LINEAGE ? event() : [event()]);
        const res = type === 'none'
          ? await fetch(`${graph.url}${route}`, { method: 'POST', body: Buffer.from(body) })
          : await fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status).toBe(415);
        expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      }
      expect(await graph.countNodes()).toBe(0);
    });

    it('accepts application/json with a charset and application/*+json', async () => {
      expect((await post(LINEAGE, JSON.stringify(event()), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
      expect((await post(LINEAGE, JSON.stringify(event('other')), { 'content-type': 'application/vnd.openlineage+json' })).status).toBe(201);
    });
  });

  describe('bodies that lie about their encoding', () => {
    it.each(['gzip', 'br'])('answers Content-Encoding: %s on a plain body with 400 on both routes', async (encoding) => {
      expect(await post(LINEAGE, JSON.stringify(event()), { 'content-encoding': encoding })).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
      const res = await fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body: '{"query":"{ version }"}' });
      expect(res.status).toBe(400);
      expect(await graph.countNodes()).toBe(0);
    });

    it('still takes real gzip and brotli bodies', async () => {
      expect((await post(LINEAGE, zlib.gzipSync(JSON.stringify(event())), { 'content-encoding': 'gzip' })).status).toBe(201);
      expect((await post(LINEAGE, zlib.brotliCompressSync(JSON.stringify(event('b'))), { 'content-encoding': 'br' })).status).toBe(201);
    });
  });

  describe('one name rule for GraphQL and OpenLineage', () => {
    const UPSERT_RUN = `mutation($ns: String!, $name: String!) { recordRun(input: { job: { namespace: $ns, name: $name }, state: START }) { runId } }`;

    it('refuses a 9,000-character job name on both, naming the limit, and stores nothing', async () => {
      const long = 'j'.repeat(9000);
      const viaGraphql = await graph.gql(UPSERT_RUN, { ns: 'ns', name: long });
      expect(viaGraphql.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(viaGraphql.errors?.[0].message).toMatch(/at most 512 characters/);
      const viaLineage = await post(LINEAGE, JSON.stringify(event(long)));
      expect(viaLineage).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
      expect(viaLineage.body.reasons.join()).toMatch(/\/job\/name must be at most 512 characters/);
      expect(await graph.countNodes()).toBe(0);
    });

    it.each([
      ['a null byte', 'a\u0000b'], ['a newline', 'a\nb'], ['600 characters', 'x'.repeat(600)], ['only spaces', '   '], ['a lone surrogate', 'a\ud800b'],
    ])('refuses a name with %s in every place OpenLineage stores one, as GraphQL does', async (_what, bad) => {
      expect((await graph.gql(UPSERT_RUN, { ns: bad, name: 'job' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const output = (name: string, field: string) => ({ namespace: 'ns', name, facets: { schema: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet', fields: [{ name: field }] } } });
      const variants = [
        event('job', { job: { namespace: bad, name: 'job' } }),
        event('job', { inputs: [{ namespace: 'ns', name: bad }] }),
        event('job', { outputs: [output('out', bad)] }),
        event(bad),
      ];
      for (const v of variants) {
        const res = await post(LINEAGE, JSON.stringify(v));
        expect(res).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
      }
      const batch = await post(`${LINEAGE}/batch`, JSON.stringify([event('good'), event(bad)]));
      expect(batch.body).toMatchObject({ status: 'partial_success', accepted: 1, rejected: 1 });
      expect(batch.body.events[1].errors.join()).toMatch(/\/job\/name|lone surrogate/);
    });
  });

  /** JSON text nested `depth` deep: built as text, since JSON.stringify itself overflows its stack there. */
  const deepJson = (depth: number) => `${'{"d":'.repeat(depth)}{}${'}'.repeat(depth)}`;

  it('refuses facets nested 5,000 deep with 400, not a server error', async () => {
    const nested = JSON.stringify(event('job', { run: { runId: '0190c5a4-0000-7000-8000-000000000001', facets: { custom: { _producer: 'p', _schemaURL: 'https://example.com/s', deep: 'DEEP' } } } }));
    const res = await post(LINEAGE, nested.replace('"DEEP"', deepJson(5000)));
    expect(res).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(res.body.reasons.join()).toMatch(/nested deeper than 100 levels/);
    const batch = await post(`${LINEAGE}/batch`, `[${JSON.stringify(event('good'))},${nested.replace('"DEEP"', deepJson(5000))}]`);
    expect(batch.body).toMatchObject({ status: 'partial_success', accepted: 1, rejected: 1 });
    expect(await graph.countNodes()).toBe(1 + 1 + 1); // the good event's job and run, and the event as received (:LineageEvent)
  });

  it('refuses JSON arguments nested 5,000 deep on GraphQL with BAD_USER_INPUT', async () => {
    const query = 'mutation($p: JSONObject) { recordRun(input: { job: { namespace: "ns", name: "j" }, state: START, parameters: $p }) { runId } }';
    const body = JSON.stringify({ query, variables: { p: 'DEEP' } }).replace('"DEEP"', deepJson(5000));
    const res = await fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json: any = await res.json();
    expect(json.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/nested deeper than \d+ levels/) });
    expect(await graph.countNodes()).toBe(0);
  });

  it.each([
    ['not base64url JSON', '!!!'], ['a map inside', Buffer.from('[{"a":1}]').toString('base64url')], ['an empty key', Buffer.from('[]').toString('base64url')],
    ['not a list', Buffer.from('{"a":1}').toString('base64url')], ['a lone surrogate', Buffer.from('["\\ud800"]').toString('base64url')],
  ])('refuses a tampered cursor (%s) with BAD_USER_INPUT', async (_what, cursor) => {
    const res = await graph.gql('query($after: String) { models(page: { first: 5, after: $after }) { nodes { name } } }', { after: cursor });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a lone surrogate in GraphQL text, not storing U+FFFD instead', async () => {
    const res = await graph.gql('mutation($d: String) { upsertModel(input: { name: "m", description: $d }) { name } }', { d: 'x\ud800y' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graph.countNodes()).toBe(0);
  });
});

describe('well-formed GraphQL input, checked once before execution', () => {
  const graph = useGraph();

  async function postGraphql(body: string) {
    const res = await fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, body: (await res.json()) as any };
  }

  it.each([
    ['a filter', 'query($s: String) { models(filter: { nameContains: $s }) { nodes { name } } }', { s: 'a\ud800' }],
    ['a lookup argument', 'query($s: String!) { datasetByName(namespace: "ns", name: $s) { id } }', { s: '\udc00' }],
    ['a list inside an input', 'mutation($t: [String!]!) { registerModelVersion(input: { model: "m", version: "1", tags: $t }) { id } }', { t: ['ok', 'x\ud834'] }],
    ['a key of a JSON argument', 'mutation($m: JSONObject) { registerModelVersion(input: { model: "m", version: "1", metrics: $m }) { id } }', { m: { 'auc\udc00': 1 } }],
    ['a literal in the document', 'query { models(filter: { nameContains: "a\ud800b" }) { nodes { name } } }', {}],
  ])('refuses a lone surrogate in %s with BAD_USER_INPUT, not replaced and not run', async (_where, query, variables) => {
    const res = await postGraphql(JSON.stringify({ query, variables }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_PARSE_FAILED/) }, message: expect.stringMatching(/surrogate|Invalid/) });
    expect(res.body.data).toBeUndefined();
    expect(await graph.countNodes()).toBe(0);
  });

  it('refuses JSON variables nested 100,000 deep with 400 and a clear message, before execution', async () => {
    const query = 'mutation($p: JSONObject) { recordRun(input: { job: { namespace: "ns", name: "j" }, state: START, parameters: $p }) { runId } }';
    const body = JSON.stringify({ query, variables: { p: 'DEEP' } }).replace('"DEEP"', `${'{"d":'.repeat(100_000)}{}${'}'.repeat(100_000)}`);
    const res = await postGraphql(body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/nested deeper than \d+ levels/) });
    const arrays = JSON.stringify({ query: 'query($s: String) { version }', variables: { s: 'DEEP' } }).replace('"DEEP"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect((await postGraphql(arrays)).status).toBe(400);
    expect(await graph.countNodes()).toBe(0);
  });
});

import vm from 'node:vm';
import { AuthService } from '../src/auth/auth.service';
import { AuthRepository } from '../src/auth/auth.repository';
import { hashApiKey } from '../src/auth/api-key';
import { Role } from '../src/auth/roles';
import { AuditService } from '../src/audit/audit.service';
import { newScope, requestScope } from '../src/db/request-scope';
import * as Q from '../src/generated/cypher';
import { useGraph } from './support/graph';

/** API keys and roles: who may do what, over GraphQL and the OpenLineage endpoint. */
const olEvent = (runId: string) => ({
  eventType: 'START', eventTime: '2026-01-01T00:00:00Z', producer: 'https://example.com/test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId }, job: { namespace: 'etl', name: 'load' }, inputs: [], outputs: [],
});
const RUN_ID = '0d9d4f44-1b7c-4b7e-9f2a-6f1d2c3b4a59';
const UPSERT = 'mutation Up($n: String!) { upsertDataset(input: { namespace: "ns", name: $n }) { id name } }';

describe('API keys and roles (MODELGRAPH_AUTH=on)', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on', MODELGRAPH_AUDIT: 'on' });
  const keys: Record<string, string> = {};
  const auth = () => graph.app.container.get(AuthService);
  const as = (role: string) => ({ authorization: `Bearer ${keys[role]}` });
  const lineage = (headers: Record<string, string>, body: unknown = olEvent(RUN_ID)) =>
    fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const raw = (headers: Record<string, string>) =>
    fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ version }' }) });

  beforeEach(async () => {
    for (const role of [Role.READER, Role.WRITER, Role.ADMIN]) keys[role] = (await auth().create(`test ${role}`, role)).key;
  });

  it('refuses a missing, malformed, unknown key with 401 UNAUTHENTICATED, on GraphQL and on /api/v1/lineage', async () => {
    for (const headers of [{}, { authorization: keys.reader }, { authorization: 'Bearer mg_not-a-key' }] as Record<string, string>[]) {
      const res = await raw(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const ol = await lineage(headers);
      expect(ol.status).toBe(401);
      expect(await ol.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(await graph.countNodes()).toBe(0);
  });

  it('reader: queries only', async () => {
    expect((await graph.gql('{ datasets { nodes { id } } }', {}, as('reader'))).errors).toBeUndefined();
    const refused = await graph.gql(UPSERT, { n: 'x' }, as('reader'));
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', requiredRole: 'writer' } });
    expect((await graph.gql('{ apiKeys { id } }', {}, as('reader'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ol = await lineage(as('reader'));
    expect(ol.status).toBe(403);
    expect(await ol.json()).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'writer' });
    expect(await graph.countNodes()).toBe(0);
  });

  it('writer: + mutations and OpenLineage ingestion, not keys or the audit trail', async () => {
    expect((await graph.gql(UPSERT, { n: 'orders' }, as('writer'))).data.upsertDataset.name).toBe('orders');
    expect((await lineage(as('writer'))).status).toBe(201);
    const refused = await graph.gql('mutation { createApiKey(name: "x", role: ADMIN) { key } }', {}, as('writer'));
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', requiredRole: 'admin' } });
    expect((await graph.gql('{ auditEvents { nodes { id } } }', {}, as('writer'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // an admin-only field hidden in a fragment is found too
    const hidden = await graph.gql('query { ...K } fragment K on Query { apiKeys { id } }', {}, as('writer'));
    expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses with HTTP 403 before running anything (no statement sent, nothing written)', async () => {
    const res = await fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...as('reader') }, body: JSON.stringify({ query: UPSERT, variables: { n: 'x' } }) });
    expect(res.status).toBe(403);
    expect(await graph.countNodes()).toBe(0);
  });

  it('admin: creates a key (plaintext once), lists keys (never a hash), revokes one (refused at once)', async () => {
    const created = await graph.gql('mutation { createApiKey(name: "airflow", role: WRITER) { key apiKey { id name role prefix revokedAt } } }', {}, as('admin'));
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^mg_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'airflow', role: 'WRITER', prefix: key.slice(0, 7), revokedAt: null });
    expect((await graph.gql(UPSERT, { n: 'a' }, { authorization: `Bearer ${key}` })).errors).toBeUndefined();

    const stored = await graph.db.runAutoCommit('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS p', { id: apiKey.id });
    expect(stored[0].p).toMatchObject({ hash: hashApiKey(key) });
    expect(JSON.stringify(stored)).not.toContain(key);
    const list = await graph.gql('{ apiKeys { id name role } }', {}, as('admin'));
    expect(list.data.apiKeys.map((k: { name: string }) => k.name)).toEqual(expect.arrayContaining(['airflow', 'test reader']));
    expect((await graph.gql('{ apiKeys { hash } }', {}, as('admin'))).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const revoked = await graph.gql('mutation R($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, as('admin'));
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    expect((await graph.gql(UPSERT, { n: 'b' }, { authorization: `Bearer ${key}` })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('revocation reaches other instances within their cache TTL', async () => {
    const other = new AuthService(new AuthRepository(graph.db), { ...graph.app.container.config.auth, cacheTtlMs: 2000 });
    const { key, apiKey } = await auth().create('short-lived', Role.READER);
    await other.authenticate(`Bearer ${key}`); // cached there
    await auth().revoke(apiKey.id);
    await expect(other.authenticate(`Bearer ${key}`)).resolves.toMatchObject({ keyId: apiKey.id });
    await new Promise((r) => setTimeout(r, 2100));
    await expect(other.authenticate(`Bearer ${key}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a key past its expiresAt is refused with UNAUTHENTICATED saying so; an expiry in the past is refused at creation', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const created = await graph.gql('mutation($t: DateTimeISO) { createApiKey(name: "temp", role: READER, expiresAt: $t) { key apiKey { id expiresAt } } }', { t: soon }, as('admin'));
    const { key, apiKey } = created.data.createApiKey;
    expect(apiKey.expiresAt).toBe(soon);
    // Its hour is over (set in Neo4j before its first use, so no cache holds it yet).
    await graph.db.runAutoCommit("MATCH (k:ApiKey {id: $id}) SET k.expiresAt = datetime() - duration('PT1M')", { id: apiKey.id });
    const res = await raw({ authorization: `Bearer ${key}` });
    expect(res.status).toBe(401);
    const error = ((await res.json()) as any).errors[0];
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/^The API key expired at \d{4}-\d\d-\d\dT.*; ask an admin for a new one\.$/);
    const past = await graph.gql('mutation { createApiKey(name: "late", role: READER, expiresAt: "2020-01-01T00:00:00Z") { key } }', {}, as('admin'));
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
  });

  it('records lastUsedAt at most once per interval; admins list stale and expired keys', async () => {
    const lastUsed = async (id: string) => (await graph.db.runAutoCommit('MATCH (k:ApiKey {id: $id}) RETURN k.lastUsedAt AS t', { id }))[0].t;
    const { key, apiKey } = await auth().create('cron', Role.READER);
    expect(apiKey.lastUsedAt).toBeNull();
    await raw({ authorization: `Bearer ${key}` });
    const first = await lastUsed(apiKey.id);
    expect(first).toBeInstanceOf(Date);
    for (let i = 0; i < 3; i++) expect((await raw({ authorization: `Bearer ${key}` })).status).toBe(200);
    expect(await lastUsed(apiKey.id)).toEqual(first); // within MODELGRAPH_KEY_LAST_USED_MS (a minute): not written again

    const old = await auth().create('forgotten', Role.WRITER);
    const gone = await auth().create('gone', Role.READER, new Date(Date.now() + 60_000));
    await graph.db.runAutoCommit("MATCH (k:ApiKey {id: $id}) SET k.createdAt = datetime() - duration('P100D'), k.lastUsedAt = datetime() - duration('P90D')", { id: old.apiKey.id });
    await graph.db.runAutoCommit("MATCH (k:ApiKey {id: $id}) SET k.expiresAt = datetime() - duration('PT1S')", { id: gone.apiKey.id });
    const q = 'query($since: DateTimeISO, $expired: Boolean) { apiKeys(unusedSince: $since, expired: $expired) { name lastUsedAt expiresAt } }';
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const stale = (await graph.gql(q, { since: monthAgo }, as('admin'))).data.apiKeys;
    expect(stale).toEqual([{ name: 'forgotten', lastUsedAt: expect.any(String), expiresAt: null }]);
    const expired = (await graph.gql(q, { expired: true }, as('admin'))).data.apiKeys;
    expect(expired.map((k: { name: string }) => k.name)).toEqual(['gone']);
    const unexpired = (await graph.gql(q, { expired: false }, as('admin'))).data.apiKeys;
    expect(unexpired.map((k: { name: string }) => k.name)).toEqual(expect.arrayContaining(['cron', 'forgotten', 'test admin']));
    expect(unexpired.map((k: { name: string }) => k.name)).not.toContain('gone');
  });

  it('GraphiQL asks for a key, keeps it in sessionStorage for the tab, and sends it as the bearer token', async () => {
    const page = await (await fetch(`${graph.url}/graphiql`)).text();
    expect(page).toMatch(/<input id="api-key" [^>]*type="password"/);
    expect(page).not.toContain('localStorage');
    // Run the page's own script against stand-ins for the browser and GraphiQL, with a key stored for
    // the tab, and send a request through the fetcher it builds: the service must accept it.
    const script = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    const stored = new Map([['modelgraph.apiKey', keys.reader]]);
    let options: { fetch: (url: string, init: RequestInit) => Promise<Response> } | undefined;
    const sent: RequestInit[] = [];
    const element = { textContent: '', value: '', addEventListener: () => undefined };
    vm.runInNewContext(script, {
      window: {
        sessionStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: () => undefined, removeItem: () => undefined },
        fetch: (url: string, init: RequestInit) => { sent.push(init); return fetch(graph.url + url, init); },
        location: { reload: () => undefined },
      },
      document: { getElementById: () => element },
      GraphiQL: { createFetcher: (o: typeof options) => { options = o; return () => undefined; } },
      ReactDOM: { createRoot: () => ({ render: () => undefined }) },
      React: { createElement: () => undefined },
    });
    const res = await options!.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ version }' }) });
    expect(sent[0].headers).toEqual({ 'content-type': 'application/json', Authorization: `Bearer ${keys.reader}` });
    expect(res.status).toBe(200);
    expect(element.textContent).toBe('a key is set for this tab');
  });

  it('first admin key: MODELGRAPH_ADMIN_KEY is ensured idempotently; the bootstrap refuses once an admin exists', async () => {
    await expect(auth().bootstrapAdminKey()).rejects.toMatchObject({ code: 'CONFLICT' });
    await graph.db.runAutoCommit('MATCH (k:ApiKey) DETACH DELETE k');
    const first = await auth().bootstrapAdminKey('ops');
    expect(first.apiKey.role).toBe('admin');
    expect((await graph.gql('{ apiKeys { id } }', {}, { authorization: `Bearer ${first.key}` })).errors).toBeUndefined();
    const envKey = 'x'.repeat(40);
    const a = await auth().ensureAdminKey(envKey);
    const b = await auth().ensureAdminKey(envKey);
    expect(b.id).toBe(a.id);
  });

  it('audits mutations (refused ones too) and ingestion: who, what, on which nodes; admins query it', async () => {
    const writer = await auth().authenticate(`Bearer ${keys.writer}`);
    const up = await graph.gql(UPSERT, { n: 'audited' }, as('writer'));
    await graph.gql(UPSERT, { n: 'nope' }, as('reader'));
    expect((await lineage(as('writer'))).status).toBe(201);
    await new Promise((r) => setTimeout(r, 200)); // the ingestion record is written once its response is out
    const q = 'query A($f: AuditEventFilter) { auditEvents(filter: $f) { nodes { actor actorName kind operation fields nodeIds outcome errorCodes at } } }';
    const byWriter = (await graph.gql(q, { f: { actor: writer.keyId } }, as('admin'))).data.auditEvents.nodes;
    expect(byWriter).toEqual([
      expect.objectContaining({ kind: 'openlineage', operation: 'POST /api/v1/lineage', nodeIds: [RUN_ID], outcome: 'ok' }),
      expect.objectContaining({ kind: 'graphql', operation: 'Up', fields: ['upsertDataset'], nodeIds: [up.data.upsertDataset.id], outcome: 'ok', actorName: 'test writer' }),
    ]);
    const byNode = (await graph.gql(q, { f: { nodeId: up.data.upsertDataset.id } }, as('admin'))).data.auditEvents.nodes;
    expect(byNode).toHaveLength(1);
    const refused = (await graph.gql(q, { f: { operation: 'upsertDataset' } }, as('admin'))).data.auditEvents.nodes;
    expect(refused.map((e: { errorCodes: string[] }) => e.errorCodes)).toEqual(expect.arrayContaining([['FORBIDDEN'], []]));
  });
});

describe('open mode (auth off, loopback)', () => {
  const graph = useGraph({ MODELGRAPH_AUDIT: 'on' });

  it('lets anyone do anything, audited as anonymous', async () => {
    const up = await graph.ok(UPSERT, { n: 'open' });
    const events = await graph.ok('{ auditEvents { nodes { actor fields nodeIds } } }');
    expect(events.auditEvents.nodes).toEqual([{ actor: 'anonymous', fields: ['upsertDataset'], nodeIds: [up.upsertDataset.id] }]);
  });
});

describe('the audit record commits with its change (open mode)', () => {
  // A refused batch event costs a few transactions more: a loaded test machine must not turn that into a 504.
  const graph = useGraph({ MODELGRAPH_AUDIT: 'on', MODELGRAPH_REQUEST_TIMEOUT_MS: '300000' });
  const trail = async () => (await graph.ok('{ auditEvents { nodes { kind operation fields nodeIds outcome errorCodes } } }')).auditEvents.nodes;
  const subject = { actor: 'anonymous', actorName: 'test', kind: 'graphql', operation: 'T', fields: ['t'], requestId: 'r' };
  const audited = <T>(work: () => Promise<T>) => requestScope.run({ ...newScope('r'), audit: graph.app.container.get(AuditService).contextFor(subject) }, work);

  it('is written in the transaction of the change: rolled back with it, committed with it', async () => {
    await expect(audited(() => graph.db.write(async (tx) => {
      await tx.run(Q.modelUpsert, { name: 'rolled-back', description: null, at: null });
      throw new Error('fails after its write');
    }))).rejects.toThrow('fails after its write');
    expect(await graph.countNodes()).toBe(0);
    expect(await trail()).toEqual([]);
    const model = await audited(() => graph.db.write((tx) => tx.one(Q.modelUpsert, { name: 'kept', description: null, at: null })));
    expect(await trail()).toEqual([expect.objectContaining({ operation: 'T', nodeIds: [model!.model.id], outcome: 'ok' })]);
  });

  it('names the nodes a mutation wrote whatever fields it selected: createApiKey { key }', async () => {
    await graph.ok('mutation K { createApiKey(name: "ci", role: READER) { key } }');
    const [{ id }] = (await graph.ok('{ apiKeys { id } }')).apiKeys;
    expect(await trail()).toEqual([expect.objectContaining({ operation: 'K', fields: ['createApiKey'], nodeIds: [id], outcome: 'ok', errorCodes: [] })]);
  });

  it('records a failed mutation with its code, naming no change, and writes nothing of it', async () => {
    const res = await graph.gql('mutation F { registerModelVersion(input: { model: "m", version: "1", producedByRunId: "no-such-run" }) { id } }');
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await graph.countNodes()).toBe(0);
    expect(await trail()).toEqual([expect.objectContaining({ operation: 'F', nodeIds: [], outcome: 'error', errorCodes: ['NOT_FOUND'] })]);
  });

  it('audits OpenLineage ingestion in the transactions that stored it: by run, a refused event named nowhere', async () => {
    const events = ['0d9d4f44-1b7c-4b7e-9f2a-000000000001', '0d9d4f44-1b7c-4b7e-9f2a-000000000002'].map(olEvent);
    const tooLong = { ...olEvent('0d9d4f44-1b7c-4b7e-9f2a-000000000003'), eventType: 'COMPLETE', outputs: [{ namespace: 'ns', name: 'out', facets: { version: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet', datasetVersion: 'v'.repeat(9000) } } }] };
    const res = await fetch(`${graph.url}/api/v1/lineage/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([events[0], tooLong, events[1]]) });
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 1 });
    const records = await trail(); // no waiting: each record committed before the response
    expect(records.every((r: { kind: string; outcome: string }) => r.kind === 'openlineage' && r.outcome === 'ok')).toBe(true);
    expect(records.flatMap((r: { nodeIds: string[] }) => r.nodeIds).sort()).toEqual(events.map((e) => e.run.runId).sort());
  }, 300_000);
});

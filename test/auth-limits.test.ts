import { randomUUID } from 'node:crypto';
import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/auth/roles';
import { useGraph, TestGraph } from './support/graph';

/** Rate limits with auth on: per key (MODELGRAPH_RATE_LIMIT/_BURST), per source address for failed authentications (MODELGRAPH_AUTH_FAILURES). */
const olEvent = {
  eventType: 'START', eventTime: '2026-01-01T00:00:00Z', producer: 'https://example.com/test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: '0d9d4f44-1b7c-4b7e-9f2a-6f1d2c3b4a59' }, job: { namespace: 'etl', name: 'load' }, inputs: [], outputs: [],
};
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const randomKey = () => `mg_${randomUUID()}`;

function clients(graph: TestGraph) {
  return {
    auth: () => graph.app.container.get(AuthService),
    graphql: (headers: Record<string, string>) =>
      fetch(`${graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ version }' }) }),
    lineage: (headers: Record<string, string>) =>
      fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(olEvent) }),
  };
}

async function expectRateLimited(res: Response, shape: 'graphql' | 'rest'): Promise<void> {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  const body = (await res.json()) as any;
  const error = shape === 'graphql' ? body.errors[0].extensions : body;
  expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
}

describe('failed authentications per source address', () => {
  // These tests count the statements the Db sends: no alert timer (nor its webhook sweep) may send one meanwhile.
  const graph = useGraph({ MODELGRAPH_AUTH: 'on', MODELGRAPH_AUTH_FAILURES: '5', MODELGRAPH_ALERT_INTERVAL_MS: '0' });
  const { auth, graphql, lineage } = clients(graph);

  it('a flood of unknown keys: 429 after the allowance, one Neo4j read per allowed failure; a cached valid key still works', async () => {
    const valid = (await auth().create('ci', Role.READER)).key;
    expect((await graphql(bearer(valid))).status).toBe(200); // looked up once, cached
    const before = graph.db.statementsSent;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await graphql(bearer(randomKey()))).status);
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(35).fill(429)]);
    expect(graph.db.statementsSent - before).toBe(5);

    await expectRateLimited(await graphql(bearer(randomKey())), 'graphql');
    await expectRateLimited(await lineage(bearer(randomKey())), 'rest');
    expect(graph.db.statementsSent - before).toBe(5);
    // The valid key is still in the cache (no lookup), so it passes though this address is refused lookups.
    expect((await graphql(bearer(valid))).status).toBe(200);
    expect(graph.db.statementsSent - before).toBe(5);
  });
});

describe('a repeated bad key', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on', MODELGRAPH_ALERT_INTERVAL_MS: '0' }); // counts statements, as above
  const { auth } = clients(graph);

  it('is looked up once while it stays cached as failed; random keys from many addresses do not push a valid key out of the cache', async () => {
    const bad = `Bearer ${randomKey()}`;
    const before = graph.db.statementsSent;
    for (let i = 0; i < 3; i++) await expect(auth().authenticate(bad, { source: `10.1.0.${i}` })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(graph.db.statementsSent - before).toBe(1);

    const valid = (await auth().create('etl', Role.WRITER)).key;
    await auth().authenticate(`Bearer ${valid}`, { source: '10.2.0.1' });
    for (let i = 0; i < 200; i++) {
      await expect(auth().authenticate(`Bearer ${randomKey()}`, { source: `10.3.${i >> 8}.${i & 255}` })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const sent = graph.db.statementsSent;
    await expect(auth().authenticate(`Bearer ${valid}`, { source: '10.2.0.1' })).resolves.toMatchObject({ name: 'etl' });
    expect(graph.db.statementsSent).toBe(sent);
  });
});

describe('requests per key', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on', MODELGRAPH_RATE_LIMIT: '1', MODELGRAPH_RATE_BURST: '2' });
  const { auth, graphql, lineage } = clients(graph);

  it('a key past its rate and burst gets 429 RATE_LIMITED with Retry-After, on GraphQL and REST; other keys do not', async () => {
    const busy = (await auth().create('busy', Role.WRITER)).key;
    const calm = (await auth().create('calm', Role.READER)).key;
    const responses: Response[] = [];
    for (let i = 0; i < 20; i++) responses.push(await graphql(bearer(busy)));
    // rate 1 + burst 2: the first three always pass; twenty in a row cannot all (that would take over 10 s).
    expect(responses.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = responses.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    await expectRateLimited(refused!, 'graphql');

    let rest = await lineage(bearer(busy));
    for (let i = 0; i < 5 && rest.status !== 429; i++) rest = await lineage(bearer(busy));
    await expectRateLimited(rest, 'rest');
    expect((await graphql(bearer(calm))).status).toBe(200);
  });
});

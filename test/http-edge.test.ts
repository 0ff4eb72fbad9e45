import { AddressInfo } from 'node:net';
import { App, createApp } from '../src/app/server';
import { HTTP_STATUS } from '../src/common/errors';
import { log } from '../src/common/log';
import { loadConfig } from '../src/config';
import { Db } from '../src/db/db';
import { useGraph } from './support/graph';

/**
 * The HTTP edge: every error leaves /graphql and /api/v1 with the status the one code table gives
 * it, REST errors in one body shape, body-parser failures with their own (client) status, and a
 * bug as a 500 that names its request id.
 */
const LINEAGE = '/api/v1/lineage';
const GRAPHQL = '/graphql';
const QUERY = JSON.stringify({ query: '{ version }' });

interface Answer { status: number; code: string; message: string; body: any; requestId: string | null }

/** POSTs a raw body and reads the error code from whichever shape the route answers in. */
async function send(url: string, route: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json: any = await res.json();
  const error = route === GRAPHQL ? json.errors?.[0] : json;
  return {
    status: res.status, body: json, requestId: res.headers.get('x-request-id'),
    code: route === GRAPHQL ? error?.extensions?.code : error?.code, message: route === GRAPHQL ? error?.message : error?.error,
  };
}

describe('the HTTP edge: statuses, error bodies, body-parser errors', () => {
  const graph = useGraph({ MODELGRAPH_MAX_BODY: '2kb', MODELGRAPH_MAX_LINEAGE_BYTES: '2048' });
  const notGzip = Buffer.from('this is not gzip at all');

  it.each([LINEAGE, GRAPHQL])('answers a corrupt gzip body on %s with 400 BAD_REQUEST, not a server error', async (route) => {
    const answer = await send(graph.url, route, notGzip, { 'content-encoding': 'gzip' });
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.message).toMatch(/body/);
  });

  it.each([LINEAGE, GRAPHQL])('answers a JSON body in latin1 on %s with 415 UNSUPPORTED_MEDIA_TYPE', async (route) => {
    const answer = await send(graph.url, route, route === GRAPHQL ? QUERY : '{}', { 'content-type': 'application/json; charset=latin1' });
    expect(answer).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it.each([LINEAGE, GRAPHQL])('answers a Content-Encoding it cannot inflate on %s with 415', async (route) => {
    const answer = await send(graph.url, route, '{}', { 'content-encoding': 'compress' });
    expect(answer).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('gives every REST error one body shape, { error, code, ...details }, and the status of its code', async () => {
    const answers = [
      await send(graph.url, LINEAGE, '{}'), // an invalid event
      await send(graph.url, LINEAGE, '[]'), // an array on the single-event route
      await send(graph.url, LINEAGE, '{"run": '), // not JSON
      await send(graph.url, LINEAGE, JSON.stringify({ pad: 'x'.repeat(3000) })), // too large
      await send(graph.url, LINEAGE, '{}', { 'content-type': 'application/json; charset=latin1' }),
      await send(graph.url, `${LINEAGE}/batch`, '{}'), // not an array on the batch route
    ];
    expect(answers.map((a) => [a.status, a.code])).toEqual([
      [400, 'BAD_USER_INPUT'], [400, 'BAD_USER_INPUT'], [400, 'BAD_REQUEST'], [413, 'PAYLOAD_TOO_LARGE'], [415, 'UNSUPPORTED_MEDIA_TYPE'], [400, 'BAD_USER_INPUT'],
    ]);
    for (const a of answers) {
      expect(typeof a.message).toBe('string');
      expect(a.status).toBe(HTTP_STATUS[a.code as keyof typeof HTTP_STATUS]);
    }
    expect(answers[0].body.reasons.length).toBeGreaterThan(0); // the schema's reasons stay beside the code
  });

  it('answers /graphql refusals with the status of their code too', async () => {
    const answers = [
      await send(graph.url, GRAPHQL, '{"query": '),
      await send(graph.url, GRAPHQL, JSON.stringify({ query: `{ version } # ${'x'.repeat(3000)}` })),
      await send(graph.url, GRAPHQL, QUERY, { 'content-type': 'application/json; charset=latin1' }),
    ];
    expect(answers.map((a) => [a.status, a.code])).toEqual([[400, 'BAD_REQUEST'], [413, 'PAYLOAD_TOO_LARGE'], [415, 'UNSUPPORTED_MEDIA_TYPE']]);
    for (const a of answers) expect(a.status).toBe(HTTP_STATUS[a.code as keyof typeof HTTP_STATUS]);
  });
});

describe('a bug during authentication', () => {
  // A real failure below the key lookup, no mock: the service is wired to a database that does
  // not exist, so Neo4j answers the lookup with a client error. Neo4j is up: this is no outage.
  let db: Db;
  let app: App;
  let url: string;
  beforeAll(async () => {
    db = Db.connect(process.env.MODELGRAPH_TEST_NEO4J_URI!, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '', 'nosuchdatabase');
    app = await createApp(db, loadConfig({ ...process.env, MODELGRAPH_AUTH: 'on' }));
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const key = { authorization: 'Bearer mg_some-key-to-look-up' };

  it.each([LINEAGE, GRAPHQL])('is a 500 INTERNAL_SERVER_ERROR on %s that names the request id, logged with it, without a stack', async (route) => {
    const logged = jest.spyOn(log, 'error');
    try {
      const requestId = `auth-bug-${route.replace(/\W/g, '')}`;
      const answer = await send(url, route, route === GRAPHQL ? QUERY : '{}', { ...key, 'x-request-id': requestId });
      expect(answer).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', requestId });
      const details = route === GRAPHQL ? answer.body.errors[0].extensions : answer.body;
      expect(details.requestId).toBe(requestId);
      expect(JSON.stringify(answer.body)).not.toMatch(/nosuchdatabase|at .*\.ts|stack/i);
      expect(logged.mock.calls.some(([line]) => (line as { requestId?: string; err?: unknown })?.requestId === requestId
        && (line as { err?: unknown }).err instanceof Error)).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it('leaves a request without a key a 401 with the status of UNAUTHENTICATED, on both edges', async () => {
    for (const route of [LINEAGE, GRAPHQL]) {
      const answer = await send(url, route, route === GRAPHQL ? QUERY : '{}');
      expect(answer).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(answer.status).toBe(HTTP_STATUS.UNAUTHENTICATED);
    }
  });
});

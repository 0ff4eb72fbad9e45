import http from 'node:http';

/**
 * The bench's HTTP client: GraphQL over HTTP as any client sends it, with the statement count the
 * service reports. It is node:http on a keep-alive agent, not fetch: the bench measures the service,
 * and in this process fetch (undici) cost ~0.4 ms more per request than node:http and left work behind
 * that slowed whatever was timed next (a `RETURN 1` through the driver interleaved with fetch calls:
 * p50 0.80 ms; with node:http calls: 0.54; alone: 0.45), on a machine the bench shares with the service.
 */
export interface GqlResponse<T> {
  data: T;
  /** The x-cypher-statements header: Cypher statements the operation sent. */
  statements: number;
  bytes: number;
}

export class BenchError extends Error {}

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * Keep-alive, like any long-lived client. The service closes idle connections after 5 s and says so
 * (`Keep-Alive: timeout=5`), which node:http honours; the agent's own 4 s idle timeout is the backstop,
 * so that a socket the service is about to close is never reused (the POST would fail with EPIPE).
 */
const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });

/** One request; the whole answer read as text. */
function request(url: string, method: 'GET' | 'POST', body?: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
  const res = await request(`${url}/graphql`, 'POST', JSON.stringify({ query, variables }));
  const body = JSON.parse(res.text) as { data?: T; errors?: { message: string }[] };
  if (res.status !== 200 || body.errors?.length) throw new BenchError(`GraphQL ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? res.text.slice(0, 300)}`);
  return { data: body.data as T, statements: Number(res.headers['x-cypher-statements'] ?? NaN), bytes: res.text.length };
}

/** POSTs JSON (an object, or a body already serialized) and fails unless the status is the expected one. */
export async function postJson(url: string, body: unknown, expectStatus: number): Promise<unknown> {
  const res = await request(url, 'POST', typeof body === 'string' ? body : JSON.stringify(body));
  if (res.status !== expectStatus) throw new BenchError(`POST ${url}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.text ? JSON.parse(res.text) : null;
}

/** GETs a text resource (e.g. /metrics); fails unless 200. */
export async function getText(url: string): Promise<string> {
  const res = await request(url, 'GET');
  if (res.status !== 200) throw new BenchError(`GET ${url}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.text;
}

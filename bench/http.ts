/** The bench's HTTP client: GraphQL over HTTP as any client sends it, with the statement count the service reports. */
export interface GqlResponse<T> {
  data: T;
  /** The x-cypher-statements header: Cypher statements the operation sent. */
  statements: number;
  bytes: number;
}

export class BenchError extends Error {}

export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length) throw new BenchError(`GraphQL ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 300)}`);
  return { data: body.data as T, statements: Number(res.headers.get('x-cypher-statements') ?? NaN), bytes: text.length };
}

/** POSTs JSON and fails unless the status is the expected one. */
export async function postJson(url: string, body: unknown, expectStatus: number): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expectStatus) throw new BenchError(`POST ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

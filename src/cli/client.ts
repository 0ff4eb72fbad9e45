/** Exit statuses of the `modelgraph` command (documented in its --help). */
export const EXIT = { OK: 0, USAGE: 1, GRAPHQL: 2, SERVED_AFFECTED: 3 } as const;

/** A failure to report in one line and exit with `code` (no stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

export interface Endpoint { url: string; apiKey?: string }

/** POSTs one GraphQL operation; connection problems exit 1, GraphQL errors exit 2. */
export async function graphql<T>(endpoint: Endpoint, query: string, variables: Record<string, unknown>): Promise<T> {
  const url = endpoint.url.replace(/\/+$/, '').replace(/\/graphql$/, '') + '/graphql';
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`cannot reach ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, EXIT.USAGE);
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json() as typeof body;
  } catch {
    throw new CliError(`${url} answered HTTP ${res.status} without a GraphQL response`, EXIT.USAGE);
  }
  if (body.errors?.length) {
    const lines = body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
    throw new CliError(lines.join('\n'), EXIT.GRAPHQL);
  }
  if (!body.data) throw new CliError(`${url} answered HTTP ${res.status} without data`, EXIT.USAGE);
  return body.data;
}

/** Exit statuses of the `modelgraph` command (documented in its --help). */
export const EXIT = { OK: 0, USAGE: 1, GRAPHQL: 2, SERVED_AFFECTED: 3 } as const;

/** A failure to report in one line and exit with `code` (no stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

export interface Endpoint { url: string; apiKey?: string }

/**
 * POSTs one GraphQL operation; connection problems exit 1, GraphQL errors exit 2. Through node:http
 * rather than fetch: fetch loads undici on first use, ~40 ms of a command that runs for 200.
 */
export async function graphql<T>(endpoint: Endpoint, query: string, variables: Record<string, unknown>): Promise<T> {
  const url = endpoint.url.replace(/\/+$/, '').replace(/\/graphql$/, '') + '/graphql';
  let res: { status: number; text: string };
  try {
    res = await post(url, JSON.stringify({ query, variables }), {
      'content-type': 'application/json', ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
    });
  } catch (e) {
    throw new CliError(`cannot reach ${url}: ${(e as { code?: string }).code ?? (e as Error).message}`, EXIT.USAGE);
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(res.text) as typeof body;
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

/** One POST over http or https; rejects with the socket's error (its code: ECONNREFUSED...) or an invalid URL's. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const { request } = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

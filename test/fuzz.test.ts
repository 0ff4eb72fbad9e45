import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { graphqlCase } from './fuzz/graphql-documents';
import { mutateJson, oddValue, Random } from './fuzz/random';
import { useGraph } from './support/graph';

/**
 * Random and mutated requests thrown at the running service: GraphQL documents made from the real
 * schema (odd arguments, broken tokens, random variables) and OpenLineage events mutated from the
 * fixtures. Whatever comes in: no 5xx but 503 UNAVAILABLE (and no INTERNAL_SERVER_ERROR inside a
 * 200), every error carries a code, no body holds a stack trace, and a rejected request changed
 * nothing (node counts by label and relationship counts by type are the same before and after).
 * A fixed number of cases per run; the seed is random unless FUZZ_SEED is set, and is printed with
 * every failure so that it replays: FUZZ_SEED=<seed> npx jest test/fuzz.test.ts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const GRAPHQL_CASES = Number(process.env.FUZZ_GRAPHQL_CASES ?? 120);
const LINEAGE_CASES = Number(process.env.FUZZ_LINEAGE_CASES ?? 60);
const FIXTURES = path.join(__dirname, 'fixtures', 'openlineage');
const STACK_TRACE = /\n\s+at .+:\d+:\d+|"stacktrace"|node_modules\//;

function fixtureEvents(): unknown[] {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
  return files(FIXTURES).map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
}

describe(`fuzzing the running service (FUZZ_SEED=${SEED})`, () => {
  // No audit trail (its records would change the snapshot), and a budget no loaded machine exceeds: a 504 here would be the machine's.
  const graph = useGraph({ MODELGRAPH_REQUEST_TIMEOUT_MS: '300000' });
  const failures: string[] = [];

  async function snapshot(): Promise<string> {
    const nodes = await graph.db.runAutoCommit('MATCH (n) WHERE NOT (n:SchemaMigration OR n:ApiKey OR n:AuditEvent) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l');
    const rels = await graph.db.runAutoCommit('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t');
    return JSON.stringify([nodes, rels]);
  }

  /** Sends one request and checks the answer; `rejected` says from the body whether nothing was accepted. */
  async function probe(what: string, route: string, body: string, rejected: (status: number, json: any) => boolean): Promise<void> {
    const before = await snapshot();
    const res = await fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    const fail = (why: string) => failures.push(`seed ${SEED}, ${what}: ${why}\n  request: ${body.slice(0, 600)}\n  answer ${res.status}: ${text.slice(0, 600)}`);
    if (res.status >= 500 && res.status !== 503) fail(`status ${res.status}`);
    if (STACK_TRACE.test(text)) fail('a stack trace in the body');
    let json: any;
    try { json = text ? JSON.parse(text) : null; } catch { fail('a body that is not JSON'); return; }
    const errors: any[] = route === '/graphql' ? json?.errors ?? [] : res.status >= 400 ? [json] : [];
    for (const e of errors) {
      const code = route === '/graphql' ? e?.extensions?.code : e?.code;
      if (typeof code !== 'string') fail('an error without a code');
      if (code === 'INTERNAL_SERVER_ERROR') fail('an internal error');
    }
    if (rejected(res.status, json) && (await snapshot()) !== before) fail('a rejected request changed the graph');
  }

  it(`answers ${GRAPHQL_CASES} random GraphQL operations with a coded client error or data, never half-writing`, async () => {
    const r = new Random(SEED);
    for (let i = 0; i < GRAPHQL_CASES; i++) {
      const c = graphqlCase(r);
      const body = r.chance(0.1) ? JSON.stringify({ query: c.query, variables: oddValue(r) }) : JSON.stringify(c);
      await probe(`graphql case ${i}`, '/graphql', body, (status, json) =>
        status >= 400 || !json?.data || Object.values(json.data).every((v) => v === null));
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it(`answers ${LINEAGE_CASES} mutated OpenLineage events (single and batched) without a server error or a half-written event`, async () => {
    const r = new Random(SEED ^ 0x5eed);
    const fixtures = fixtureEvents();
    for (let i = 0; i < LINEAGE_CASES; i++) {
      if (r.chance(0.3)) {
        const batch = Array.from({ length: 1 + r.int(4) }, () => (r.chance(0.7) ? mutateJson(r, r.pick(fixtures)) : r.pick(fixtures)));
        await probe(`lineage batch case ${i}`, '/api/v1/lineage/batch', JSON.stringify(batch), (status, json) => status >= 400 || json?.accepted === 0);
      } else {
        const event = r.chance(0.9) ? mutateJson(r, r.pick(fixtures)) : oddValue(r);
        await probe(`lineage case ${i}`, '/api/v1/lineage', JSON.stringify(event), (status) => status >= 400);
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);
});

import { getIntrospectionQuery } from 'graphql';
import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/auth/roles';
import { loadConfig } from '../src/config';
import { useGraph } from './support/graph';

/**
 * Documents built to keep the service busy are refused before they run, quickly: jest's timeout is
 * what fails these tests if a guard walks a document in more than linear time.
 */

/** Each fragment spreads the previous one twice: 2^links selections once expanded, a small document. */
function fragmentBomb(links: number): string {
  const fragments = ['fragment F0 on Query { version }'];
  for (let i = 1; i <= links; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${links} } ${fragments.join(' ')}`;
}

const aliases = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('documents that fan out', () => {
  const graph = useGraph();

  it('refuses a 29-link fragment chain (each spreading the previous twice) without walking it out', async () => {
    const query = fragmentBomb(29);
    expect(query.length).toBeLessThan(1_500);
    const res = await graph.gql(query);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0].message).toMatch(/could not be estimated/);
    expect(res.statements).toBe(0);
    expect((await graph.gql(fragmentBomb(3))).data).toEqual({ version: expect.any(String) });
  });

  it('refuses a 10,000-field document: a cost it cannot estimate is not run', async () => {
    const res = await graph.gql(aliases(10_000, '__typename'));
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data).toBeUndefined();
  });

  it('refuses a document of more tokens than MODELGRAPH_MAX_TOKENS, at parse', async () => {
    const res = await graph.gql(aliases(20_000, '__typename'));
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors?.[0].message).toMatch(/50000 tokens/);
  });
});

describe('introspection', () => {
  const graph = useGraph();

  it('answers GraphiQL\'s full introspection query within the default limits', async () => {
    const res = await graph.gql(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.types.length).toBeGreaterThan(10);
  });

  it('counts introspection in the cost: 1,000 aliases of __schema are refused', async () => {
    const res = await graph.gql(aliases(1_000, '__schema { types { name fields { name } } }'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'complexity' });
    expect(res.data).toBeUndefined();
  });
});

describe('introspection with auth on (MODELGRAPH_AUTH=on, MODELGRAPH_INTROSPECTION unset)', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on', MODELGRAPH_INTROSPECTION: '' });
  let key = '';
  beforeEach(async () => { key = (await graph.app.container.get(AuthService).create('guards reader', Role.READER)).key; });
  const asReader = (query: string) => graph.gql(query, undefined, { authorization: `Bearer ${key}` });

  it('is off by default, and validation errors suggest no field names', async () => {
    const res = await asReader('{ __schema { types { name } } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/introspection/i);
    const typo = await asReader('{ datasetz { nodes { id } } }');
    expect(typo.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).toMatch(/datasetz/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    expect((await asReader('{ version }')).errors).toBeUndefined();
  });

  it('can be turned on explicitly: the explicit setting wins', () => {
    expect(loadConfig({ MODELGRAPH_AUTH: 'on', MODELGRAPH_INTROSPECTION: 'on' }).limits.introspection).toBe(true);
    expect(loadConfig({ MODELGRAPH_AUTH: 'off', MODELGRAPH_INTROSPECTION: 'off' }).limits.introspection).toBe(false);
    expect(loadConfig({ MODELGRAPH_AUTH: 'off' }).limits.introspection).toBe(true);
  });
});

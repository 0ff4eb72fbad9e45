import { useGraph } from './support/graph';

describe('the service on a real Neo4j', () => {
  const graph = useGraph();

  it('answers GraphQL, health and readiness', async () => {
    const data = await graph.ok('{ version }');
    expect(data.version).toMatch(/^\d+\.\d+\.\d+/);
    const health = await fetch(`${graph.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${graph.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL and its assets without a CDN', async () => {
    const page = await (await fetch(`${graph.url}/graphiql`)).text();
    expect(page).toContain('/graphiql/assets/graphiql.js');
    expect(page).not.toMatch(/https?:\/\//);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const res = await fetch(`${graph.url}/graphiql/assets/${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('rejects a malformed query with a code and no stack trace', async () => {
    const result = await graph.gql('{ nope }');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});

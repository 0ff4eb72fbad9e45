import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { App, createApp } from '../../src/app/server';
import { loadConfig } from '../../src/config';
import { Db, PoolSettings } from '../../src/db/db';
import { migrate } from '../../src/db/migrate';

/**
 * Test access to a real Neo4j: this jest worker's own (test/support/worker-neo4j.ts; why one per
 * worker: test/support/global-setup.ts). Call `useGraph()` at the top of an integration test file:
 * it connects, migrates once, clears the graph before each test (isolation: no other test runs on
 * this Neo4j meanwhile), and serves the API on a free port so tests talk to it over HTTP as
 * clients do.
 */
export interface GraphQLResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
  /** Cypher statements the operation sent (the x-cypher-statements header). */
  statements: number;
}

export interface TestGraph {
  db: Db;
  app: App;
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Number of nodes in the graph, migrations, API keys and audit events excepted: "nothing was written" checks. */
  countNodes(): Promise<number>;
}

export function testDb(pool?: PoolSettings): Db {
  const uri = process.env.MODELGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('MODELGRAPH_TEST_NEO4J_URI is unset: run integration tests through jest (test/support/worker-neo4j.ts sets it).');
  return Db.connect(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '', process.env.NEO4J_DATABASE, pool);
}

export async function clearGraph(db: Db): Promise<void> {
  await db.runAutoCommit('MATCH (n) WHERE NOT n:SchemaMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

export function useGraph(env: Record<string, string> = {}): TestGraph {
  const graph = {} as TestGraph;
  beforeAll(async () => {
    // The audit trail is off unless a test asks for it (MODELGRAPH_AUDIT: 'on'): tests of other
    // modules compare snapshots of the whole graph before and after their mutations.
    const config = loadConfig({ MODELGRAPH_AUDIT: 'off', ...process.env, ...env });
    graph.db = testDb(config.neo4j.pool);
    await migrate(graph.db);
    graph.app = await createApp(graph.db, config);
    await new Promise<void>((resolve) => graph.app.httpServer.listen(0, '127.0.0.1', resolve));
    graph.url = `http://127.0.0.1:${(graph.app.httpServer.address() as AddressInfo).port}`;
    graph.gql = async (query, variables, headers = {}) => {
      const res = await fetch(`${graph.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResult;
      return { ...body, statements: Number(res.headers.get('x-cypher-statements') ?? NaN) };
    };
    graph.ok = async (query, variables) => {
      const result = await graph.gql(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    };
    graph.countNodes = async () => {
      const rows = await graph.db.runAutoCommit('MATCH (n) WHERE NOT (n:SchemaMigration OR n:ApiKey OR n:AuditEvent OR n:ApiKeyBootstrapLock) RETURN count(n) AS n');
      return rows[0].n as number;
    };
  });
  beforeEach(async () => { await clearGraph(graph.db); });
  afterAll(async () => {
    await graph.app?.close();
    await graph.db?.close();
  });
  return graph;
}

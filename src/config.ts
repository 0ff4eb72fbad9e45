import path from 'node:path';
import { projectRoot } from './common/paths';
import { AuthConfig, loadAuthConfig } from './auth/auth-config';

/** Everything the service reads from its environment, in one place (documented in the README). */
export interface Config {
  host: string;
  port: number;
  neo4j: {
    /** Unset: the embedded Neo4j is started (see src/neo4j/embedded.ts). */
    uri?: string;
    user: string;
    password: string;
    database?: string;
    embeddedPort: number;
    embeddedDataDir: string;
  };
  /** Upper bound on rows a list query returns in one page. */
  maxPageSize: number;
  auth: AuthConfig;
  limits: {
    /** Deepest selection nesting a GraphQL operation may have (introspection fields excepted). */
    maxDepth: number;
    /** Largest estimated cost (graphql-query-complexity, page sizes multiplied in). */
    maxComplexity: number;
    /** Time budget of one request: its Neo4j transactions time out when it is spent. */
    requestTimeoutMs: number;
    /** Largest /graphql body, in express.json's notation (e.g. '2mb'). */
    maxBody: string;
    /** The largest OpenLineage request body, in bytes after gzip is inflated. */
    maxLineageBytes: number;
    introspection: boolean;
  };
  /** Whether mutations and ingestions leave (:AuditEvent) records (MODELGRAPH_AUDIT, default on). */
  audit: boolean;
  /** How impact/provenance traverse (MODELGRAPH_TRAVERSAL): src/lineage/lineage.repository.ts. */
  traversal: 'auto' | 'procedures' | 'cypher';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 4000, 'PORT'),
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      embeddedPort: int(env.NEO4J_BOLT_PORT, 7687, 'NEO4J_BOLT_PORT'),
      embeddedDataDir: path.resolve(env.MODELGRAPH_DATA_DIR ?? path.join(projectRoot, 'data', 'neo4j')),
    },
    maxPageSize: int(env.MODELGRAPH_MAX_PAGE_SIZE, 500, 'MODELGRAPH_MAX_PAGE_SIZE'),
    auth: loadAuthConfig(env),
    limits: {
      maxDepth: int(env.MODELGRAPH_MAX_DEPTH, 15, 'MODELGRAPH_MAX_DEPTH'),
      maxComplexity: int(env.MODELGRAPH_MAX_COMPLEXITY, 20_000, 'MODELGRAPH_MAX_COMPLEXITY'),
      requestTimeoutMs: int(env.MODELGRAPH_REQUEST_TIMEOUT_MS, 30_000, 'MODELGRAPH_REQUEST_TIMEOUT_MS'),
      maxBody: env.MODELGRAPH_MAX_BODY || '2mb',
      maxLineageBytes: int(env.MODELGRAPH_MAX_LINEAGE_BYTES, 5 * 1024 * 1024, 'MODELGRAPH_MAX_LINEAGE_BYTES'),
      introspection: env.MODELGRAPH_INTROSPECTION !== 'false',
    },
    audit: env.MODELGRAPH_AUDIT !== 'off' && env.MODELGRAPH_AUDIT !== 'false',
    traversal: oneOf(env.MODELGRAPH_TRAVERSAL, ['auto', 'procedures', 'cypher'] as const, 'MODELGRAPH_TRAVERSAL'),
  };
}

function oneOf<T extends string>(value: string | undefined, choices: readonly T[], name: string): T {
  if (value === undefined || value === '') return choices[0];
  if (!(choices as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${choices.join(', ')}, got '${value}'.`);
  return value as T;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${value}'.`);
  return n;
}

import path from 'node:path';
import { projectRoot } from './common/paths';

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
  };
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${value}'.`);
  return n;
}

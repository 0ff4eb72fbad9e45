import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';

/**
 * One real Neo4j for the whole test run: a throwaway embedded instance on a free port in a temp
 * dir (or the Neo4j named by NEO4J_URI, which the tests will WIPE). Tests reach it through
 * MODELGRAPH_TEST_NEO4J_URI; each test clears the graph before it runs (test/support/graph.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  if (process.env.NEO4J_URI) {
    process.env.MODELGRAPH_TEST_NEO4J_URI = process.env.NEO4J_URI;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-test-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heapMb: 768, pageCacheMb: 128 });
  process.env.MODELGRAPH_TEST_NEO4J_URI = neo4j.uri;
  process.env.MODELGRAPH_TEST_NEO4J_DIR = dataDir;
  (globalThis as Record<string, unknown>).__MODELGRAPH_NEO4J__ = neo4j;
}

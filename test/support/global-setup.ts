import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@jest/types';
import { buildWebUiForSelectedTests } from './build-web-ui';

/**
 * Integration tests: every jest worker gets a Neo4j of its own (test/support/worker-neo4j.ts
 * starts it, in a directory of this run's temp dir). Why one instance per worker rather than
 * one shared instance with unique names per test: the tests load fixed fixtures
 * (test/fixtures/*.cypher), assert exact names in answers and CLI output, and check that a
 * mutation left *the whole graph* unchanged (node counts, snapshots); a graph of one's own keeps
 * those checks strong, and each test still starts from an empty graph (test/support/graph.ts).
 * The cost is a JVM (~1 GB) per worker, started in parallel.
 *
 * With NEO4J_URI set the tests use (and WIPE) that Neo4j instead: one database, so one worker
 * (`-i`).
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  process.env.NODE_ENV = 'test';
  buildWebUiForSelectedTests(globalConfig);
  if (process.env.NEO4J_URI) return;
  process.env.MODELGRAPH_TEST_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-test-neo4j-'));
}

import path from 'node:path';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';

/**
 * Run before every integration test file (jest setupFilesAfterEnv): points the file at its worker's
 * Neo4j through MODELGRAPH_TEST_NEO4J_URI (and MODELGRAPH_TEST_NEO4J_DIR), with its credentials in
 * NEO4J_USER and NEO4J_PASSWORD (authentication is on; the password is the data dir's). The first file on a
 * worker starts the instance; the files after it find it running through its pid file (why one per
 * worker: test/support/global-setup.ts). A run of one file starts one instance.
 */
beforeAll(async () => {
  const worker = process.env.JEST_WORKER_ID ?? '1';
  if (process.env.NEO4J_URI) {
    if (worker !== '1') throw new Error('NEO4J_URI names one Neo4j, which every test clears: run the tests on one worker (jest -i).');
    process.env.MODELGRAPH_TEST_NEO4J_URI = process.env.NEO4J_URI;
    return;
  }
  const runDir = process.env.MODELGRAPH_TEST_RUN_DIR;
  if (!runDir) throw new Error('MODELGRAPH_TEST_RUN_DIR is unset: run the tests through jest (test/support/global-setup.ts).');
  const dataDir = path.join(runDir, `worker-${worker}`);
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heapMb: 768, pageCacheMb: 128 });
  process.env.MODELGRAPH_TEST_NEO4J_URI = neo4j.uri;
  process.env.MODELGRAPH_TEST_NEO4J_DIR = dataDir;
  process.env.NEO4J_USER = neo4j.user;
  process.env.NEO4J_PASSWORD = neo4j.password;
}, 300_000);

import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startEmbeddedNeo4j, EmbeddedNeo4jError } from '../src/neo4j/embedded';

// The embedded Neo4j's start-up refusals and reuse (the happy path runs in every integration test: test/support/worker-neo4j.ts).
describe('the embedded Neo4j launcher', () => {
  it('refuses a Bolt port that is taken, saying what to do', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-port-'));
    try {
      const start = startEmbeddedNeo4j({ dataDir, port });
      await expect(start).rejects.toThrow(EmbeddedNeo4jError);
      await expect(start).rejects.toThrow(new RegExp(`Port ${port} on 127.0.0.1 is already in use.*NEO4J_BOLT_PORT.*NEO4J_URI`));
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Nothing embedded to reuse when the run uses an external NEO4J_URI: skipped then, saying so, except in CI.
  const external = process.env.NEO4J_URI && !process.env.CI;
  const itEmbedded = external ? (name: string, fn: () => Promise<void>) => it.skip(`${name} [skipped: NEO4J_URI is set]`, fn) : it;
  itEmbedded('reuses the instance it started for the same data dir, found through its pid file', async () => {
    const dir = process.env.MODELGRAPH_TEST_NEO4J_DIR;
    expect(dir).toBeDefined();
    // A fresh copy of the module, as another process has: it knows nothing of the running instance but its pid file.
    let start!: typeof startEmbeddedNeo4j;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous load
    jest.isolateModules(() => { start = require('../src/neo4j/embedded').startEmbeddedNeo4j; });
    const again = await start({ dataDir: dir!, port: 0 });
    expect(again.reused).toBe(true);
    expect(again.uri).toBe(process.env.MODELGRAPH_TEST_NEO4J_URI);
  });
});

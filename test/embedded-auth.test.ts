import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { AuthToken } from 'neo4j-driver';
import { prepareDataDir } from '../src/neo4j/data-dir';
import { useGraph } from './support/graph';

/**
 * The embedded Neo4j is not open to every local process: Bolt asks for the password generated for
 * its data directory, which only the directory's owner can read. (The worker's Neo4j of
 * test/support/worker-neo4j.ts is the one under test: it is started as the service starts its own.)
 */
describe("the embedded Neo4j's authentication", () => {
  const graph = useGraph();
  // Nothing embedded to look at when the run uses an external NEO4J_URI: skipped then, saying so, except in CI.
  const external = process.env.NEO4J_URI && !process.env.CI;
  const itEmbedded = external ? (name: string, fn: () => Promise<void>) => it.skip(`${name} [skipped: NEO4J_URI is set]`, fn) : it;
  const uri = () => process.env.MODELGRAPH_TEST_NEO4J_URI!;
  const dataDir = () => process.env.MODELGRAPH_TEST_NEO4J_DIR!;

  const connect = async (auth: AuthToken | undefined) => {
    const driver = neo4j.driver(uri(), auth);
    try {
      return (await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records.length;
    } finally {
      await driver.close();
    }
  };

  itEmbedded('refuses Bolt connections without credentials or with wrong ones, and the service works with its own', async () => {
    const password = fs.readFileSync(path.join(dataDir(), 'neo4j-password'), 'utf8').trim();
    const wrong = [undefined, neo4j.auth.basic('neo4j', 'neo4j'), neo4j.auth.basic('neo4j', ''), neo4j.auth.basic('neo4j', `${password}x`), neo4j.auth.basic('admin', password)];
    for (const auth of [...wrong, ...wrong]) {
      await expect(connect(auth)).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    }
    // Failed attempts do not lock the user out: another local process cannot keep the service from connecting.
    expect(await connect(neo4j.auth.basic('neo4j', password))).toBe(1);
    const created = await graph.ok('mutation { upsertDataset(input: { namespace: "ns", name: "orders" }) { name } }');
    expect(created).toEqual({ upsertDataset: { name: 'orders' } });
  });

  itEmbedded('keeps the password in a 0600 file of a 0700 data directory, and no file there is readable by others', async () => {
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(dataDir()).toString(8)).toBe('700');
    expect(mode(path.join(dataDir(), 'neo4j-password')).toString(8)).toBe('600');
    const open = fs.readdirSync(dataDir(), { recursive: true, encoding: 'utf8' })
      .map((f) => path.join(dataDir(), f)).filter((f) => (fs.lstatSync(f).mode & 0o007) !== 0);
    expect(open).toEqual([]);
  });

  it('generates a password once per data directory and reuses it, tightening a directory made open', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-password-'));
    try {
      const a = path.join(dir, 'a');
      fs.mkdirSync(a, { mode: 0o755 });
      const first = prepareDataDir(a);
      const again = prepareDataDir(a);
      const other = prepareDataDir(path.join(dir, 'b'));
      for (const p of [first, again, other]) fs.closeSync(p.logFd);
      expect(again.password).toBe(first.password);
      expect(other.password).not.toBe(first.password);
      expect(first.password.length).toBeGreaterThanOrEqual(32);
      expect((fs.statSync(a).mode & 0o777).toString(8)).toBe('700');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

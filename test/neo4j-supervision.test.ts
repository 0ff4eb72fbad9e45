import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, isAlive, neo4jPid, processesMentioning, ServiceProcess, spawnService } from './support/service-process';

/**
 * The service keeps its embedded Neo4j alive: after a kill -9 of the JVM it starts it again (same
 * data, same port, same password) and is ready again by itself; SIGTERM of the service still
 * stops the JVM it started, and a kill -9 of the service leaves no JVM behind either. The service
 * runs as a real process on a Neo4j of its own.
 */
describe('the service supervising its embedded Neo4j', () => {
  let dir: string;
  let service: ServiceProcess | undefined;

  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-supervision-')); });
  afterAll(async () => {
    if (service && service.child.exitCode === null) { service.child.kill('SIGKILL'); await service.exited; }
    for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL'); // only what this test started
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('restarts Neo4j after kill -9, is ready again by itself, compiles its statements again, and stops it on SIGTERM', async () => {
    const dataDir = path.join(dir, 'neo4j');
    service = spawnService(dataDir, { MODELGRAPH_WARMUP: 'on' });
    const url = await service.ready;
    const gql = async (query: string) => (await (await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
    })).json()) as { data?: any; errors?: unknown[] };
    expect((await gql('mutation { upsertDataset(input: { namespace: "ns", name: "before" }) { id } }')).errors).toBeUndefined();
    const first = neo4jPid(dataDir)!;
    expect(isAlive(first)).toBe(true);

    process.kill(first, 'SIGKILL');
    await eventually('the old JVM is gone', () => !isAlive(first));
    await eventually('/readyz answers 503 while Neo4j is away', async () => (await fetch(`${url}/readyz`)).status === 503);
    // The new JVM's Bolt port answers a moment before its pid file is written: wait for both.
    await eventually('/readyz answers 200 again, with no help, from a new JVM', async () =>
      (await fetch(`${url}/readyz`)).status === 200 && ![undefined, first].includes(neo4jPid(dataDir)));
    const second = neo4jPid(dataDir)!;
    expect(isAlive(second)).toBe(true);
    const after = await gql('{ datasets { nodes { name } } }');
    expect(after).toEqual({ data: { datasets: { nodes: [{ name: 'before' }] } } });
    expect(service.stdout()).toMatch(/"msg":"the embedded Neo4j exited unexpectedly"/);
    expect(service.stdout()).toMatch(/"delayMs":\d+.*"msg":"restarting the embedded Neo4j in \d+ ms"/);
    // The new JVM's query cache is empty: the service compiles every statement again by itself.
    const compiled = () => service!.stdout().match(/"msg":"Cypher statements compiled \(warm-up\)"/g)?.length ?? 0;
    await eventually('the statements are compiled again on the new JVM', () => compiled() === 2);

    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(second)).toBe(false); // stopped by the service, not left orphaned
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'modelgraph-neo4j.json'))).toBe(false);

    // Started again on the same data: the same password opens it, the data is there.
    service = spawnService(dataDir);
    const again = await service.ready;
    const read = await (await fetch(`${again}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ datasets { nodes { name } } }' }),
    })).json();
    expect(read).toEqual({ data: { datasets: { nodes: [{ name: 'before' }] } } });
    const third = neo4jPid(dataDir)!;
    // kill -9 of the service: the JVM sees its stdin close and stops by itself.
    service.child.kill('SIGKILL');
    await service.exited;
    await eventually('the JVM of a killed service stops by itself', () => !isAlive(third));
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 900_000);
});

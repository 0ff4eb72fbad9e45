import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { prepareDataDir } from '../src/neo4j/data-dir';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { startService } from '../src/service';
import { eventually, processesMentioning, spawnService } from './support/service-process';
import { fillUp, mountTmpfs, mountUnavailable, remount, unmount } from './support/tmpfs';

/**
 * A full or read-only disk is an error, not a crash: the launcher's log failing (ENOSPC) does not
 * end the service; an unusable data directory is a one-line start-up error with no JVM left
 * behind; writes on a full disk answer UNAVAILABLE and the service recovers once there is room.
 */
const say = (line: string) => process.stdout.write(`[disk-faults] ${line}\n`);
// Tests that mount a tmpfs skip only when mounting is really not permitted here (never in CI).
const itMounts = mountUnavailable && !process.env.CI
  ? (name: string, fn: () => Promise<void>, timeout?: number) => it.skip(`${name} [skipped: ${mountUnavailable}]`, fn, timeout)
  : it;

describe('disk faults', () => {
  let dir: string;
  const mounts: string[] = [];
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-disk-')); });
  afterAll(async () => {
    for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL'); // only what this file started
    for (const m of mounts.reverse()) unmount(m);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  const mount = (name: string, options: string) => { const m = path.join(dir, name); mountTmpfs(m, options); mounts.push(m); return m; };

  it('keeps serving when the launcher log cannot be written (ENOSPC from /dev/full)', async () => {
    const neo = await startEmbeddedNeo4j({ dataDir: path.join(dir, 'devfull'), port: 0, heapMb: 384, pageCacheMb: 32, logFile: '/dev/full' });
    try {
      const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
      const { records } = await driver.executeQuery('RETURN 1 AS one');
      await driver.close();
      expect(records[0].get('one').toNumber()).toBe(1);
    } finally {
      await neo.stop();
    }
  }, 300_000);

  /** Runs the service as a process on dataDir and expects it to refuse to start with one line naming `code`. */
  const refusesToStart = async (dataDir: string, code: string) => {
    const service = spawnService(dataDir);
    const { code: status } = await service.exited;
    say(`${code}: exit ${status}, stderr: ${service.stderr().trim()}`);
    expect(status).toBe(1);
    const lines = service.stderr().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^modelgraph could not start: The Neo4j data directory .* cannot be used: .*\\(${code}\\)\\. Set MODELGRAPH_DATA_DIR`))]);
    expect(`${service.stdout()}${service.stderr()}`).not.toMatch(/\n\s+at |\\n\s+at /); // no stack trace, raw or in a JSON log line
    expect(processesMentioning(dataDir)).toEqual([]); // no JVM left behind
  };

  it('refuses to start, in one line, when a file is where the data directory should be', async () => {
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    await refusesToStart(path.join(dir, 'a-file', 'neo4j'), 'ENOTDIR');
  }, 120_000);

  itMounts('refuses to start, in one line, on a read-only data directory holding a database', async () => {
    const ro = mount('ro', 'size=8m');
    fs.closeSync(prepareDataDir(path.join(ro, 'neo4j')).logFd); // a data directory made earlier ...
    remount(ro, 'ro'); // ... on a disk now read-only
    await refusesToStart(path.join(ro, 'neo4j'), 'EROFS');
  }, 120_000);

  itMounts('answers UNAVAILABLE to writes on a full disk, and recovers by itself once there is room', async () => {
    const disk = mount('full', 'size=128m');
    const { NEO4J_URI: _u, NEO4J_USER: _n, NEO4J_PASSWORD: _p, ...env } = process.env;
    const service = await startService(loadConfig({ ...env, MODELGRAPH_DATA_DIR: path.join(disk, 'neo4j'), NEO4J_BOLT_PORT: '0', PORT: '0', LOG_LEVEL: 'silent' }));
    const write = async (name: string) => {
      const res = await fetch(`${service.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($n: String!, $d: String!) { upsertDataset(input: { namespace: "disk", name: $n, description: $d }) { name } }', variables: { n: name, d: 'x'.repeat(5000) } }),
      });
      const body = (await res.json()) as { data?: { upsertDataset?: { name: string } } | null; errors?: { extensions?: { code?: string } }[] };
      return { status: res.status, acked: !body.errors && body.data?.upsertDataset?.name === name, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
    };
    try {
      expect((await write('before')).acked).toBe(true);
      const filler = fillUp(disk);
      const during = [];
      for (let i = 0; i < 20; i++) during.push({ name: `full-${i}`, ...(await write(`full-${i}`)) });
      const codes = during.flatMap((w) => w.codes);
      say(`on a full disk: ${during.filter((w) => w.acked).length} of ${during.length} writes acknowledged, errors: ${JSON.stringify(codes)}`);
      expect(codes).toContain('UNAVAILABLE');
      expect(codes.filter((c) => c !== 'UNAVAILABLE')).toEqual([]); // never an INTERNAL_SERVER_ERROR
      expect(during.filter((w) => w.status >= 500 && w.status !== 503)).toEqual([]);

      fs.rmSync(filler);
      await eventually('a write succeeds again once the disk has room', async () => (await write('after')).acked);
      const rows = await service.db.runAutoCommit('MATCH (d:Dataset {namespace: "disk"}) RETURN d.name AS name');
      const stored = new Set(rows.map((r) => r.name as string));
      for (const name of ['before', 'after', ...during.filter((w) => w.acked).map((w) => w.name)]) expect(stored).toContain(name);
    } finally {
      await service.stop();
    }
  }, 600_000);
});

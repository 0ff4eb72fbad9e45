import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../environment';

/** Debian's PostgreSQL (the `postgresql` package, 15 on bookworm: scripts/debian-packages.txt): the newest installed. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres'))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).pop();
  if (!newest) throw new Error(`no PostgreSQL under ${root}: install Debian's postgresql (sh scripts/setup-debian.sh), or run the bench with --no-postgres`);
  return path.join(root, newest, 'bin');
}

/** A throwaway PostgreSQL cluster and one client connected to it (one client: latency, like the other cases). */
export interface PostgresCluster {
  client: Client;
  /** The settings it runs with, for the report. */
  settings: string[];
  stop(): Promise<void>;
}

/**
 * Like the embedded Neo4j: initdb in a temp dir, the server on a free port of 127.0.0.1 (the client
 * connects over TCP as the driver does to Bolt; its unix socket lies in the temp dir too), removed at
 * the end. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system
 * user (setpriv execs the server itself: the child's pid is the postmaster's). fsync, full-page
 * writes and synchronous commit are off: nothing here must survive a crash, and the comparison only
 * reads. JIT is off: a recursive CTE's estimated cost triggers LLVM compilation (tens of ms per
 * query) that an OLTP lineage store would turn off too. shared_buffers is Neo4j's page cache.
 */
export async function startPostgres(sharedBuffersMb: number, log: (msg: string) => void): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : null;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const as = (cmd: string, args: string[]) => (asRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  let server: ChildProcess | undefined;
  let client: Client | undefined;
  const stop = async () => {
    await client?.end().catch(() => undefined);
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGINT'); // fast shutdown: aborts sessions, no checkpoint wait worth having
      const timer = setTimeout(() => server!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const settings = [`shared_buffers=${sharedBuffersMb}MB`, 'work_mem=64MB', 'fsync=off', 'full_page_writes=off', 'synchronous_commit=off', 'jit=off'];
  try {
    const data = path.join(dir, 'data');
    execFileSync(...as(path.join(bin, 'initdb'), ['-D', data, '-U', 'bench', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']), { stdio: 'ignore' });
    const port = await freePort();
    const logFile = fs.openSync(path.join(dir, 'server.log'), 'w');
    if (owner) fs.fchownSync(logFile, owner.uid, owner.gid);
    server = spawn(...as(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...settings.flatMap((s) => ['-c', s])]),
      { stdio: ['ignore', logFile, logFile] });
    fs.closeSync(logFile);
    client = await connect(port, server, path.join(dir, 'server.log'));
    log(`  PostgreSQL ${(await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v} on 127.0.0.1:${port} (data ${data}; ${settings.join(', ')})`);
    return { client, settings, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function connect(port: number, server: ChildProcess, logFile: string): Promise<Client> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited during start-up: ${fs.readFileSync(logFile, 'utf8').slice(-1000)}`);
    const client = new Client({ host: '127.0.0.1', port, user: 'bench', database: 'postgres' });
    try {
      await client.connect();
      return client;
    } catch (e) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

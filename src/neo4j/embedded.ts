import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { EMBEDDED_USER, EmbeddedNeo4jError, prepareDataDir, readPassword } from './data-dir';
import { LauncherSettings, NEO4J_DIR, spawnLauncher } from './launcher-process';
import { Supervisor } from './supervisor';

export { EmbeddedNeo4jError } from './data-dir';

/**
 * Starts and stops the project's own Neo4j 5.26 Community (neo4j/ — a Maven-provisioned launcher)
 * as a child JVM with Bolt on loopback and authentication on (the password: data-dir.ts), kept
 * running by a supervisor (supervisor.ts). Used when NEO4J_URI is unset, by `npm start` and the tests.
 */
export interface EmbeddedOptions {
  dataDir: string;
  /** Bolt port; 0 picks a free one (tests). */
  port: number;
  host?: string;
  heapMb?: number;
  pageCacheMb?: number;
  startTimeoutMs?: number;
  /** Where the JVM's own output goes; default launcher.log in the data directory. */
  logFile?: string;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  /** Bolt credentials: the user and the password generated for this data directory. */
  user: string;
  password: string;
  /** True when an instance this module started earlier (same data dir) was found running. */
  reused: boolean;
  /** The JVM's process id now (a restart changes it). */
  readonly pid: number | undefined;
  /** Calls `listener` each time the supervisor has started the JVM again (never for a reused instance). */
  onRestarted(listener: () => void): void;
  stop(): Promise<void>;
}

const running = new Map<string, Promise<EmbeddedNeo4j>>();

/** Starts Neo4j for dataDir, or returns the instance already running for it. */
export function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const key = path.resolve(options.dataDir);
  let started = running.get(key);
  if (!started) {
    started = launch({ ...options, dataDir: key }).then((neo4j) => Object.defineProperties({ ...neo4j }, {
      pid: { get: () => neo4j.pid },
      // Once stopped, the next start for this data dir launches a new instance.
      stop: { value: () => { running.delete(key); return neo4j.stop(); } },
    }));
    running.set(key, started);
    started.catch(() => running.delete(key));
  }
  return started;
}

async function launch(o: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const host = o.host ?? '127.0.0.1';
  const pidFile = path.join(o.dataDir, 'modelgraph-neo4j.json');
  const previous = readPidFile(pidFile);
  if (previous && isAlive(previous.pid) && (await boltAnswers(host, previous.port))) {
    const password = readPassword(o.dataDir);
    if (password) {
      return { uri: `bolt://${host}:${previous.port}`, port: previous.port, user: EMBEDDED_USER, password, reused: true, pid: previous.pid,
        onRestarted: () => undefined, // another process supervises it
        stop: () => stopPid(previous.pid, pidFile) };
    }
  }
  const libDir = path.join(NEO4J_DIR, 'target', 'lib');
  if (!fs.existsSync(libDir)) {
    throw new EmbeddedNeo4jError(`Neo4j is not provisioned (${libDir} is missing): run 'npm run neo4j:setup' (needs Java 17 and Maven).`);
  }
  const prepare = () => prepareDataDir(o.dataDir, o.logFile);
  const prepared = prepare();
  const port = o.port === 0 ? await freePort(host) : o.port;
  if (!(await portIsFree(host, port))) {
    fs.closeSync(prepared.logFd);
    throw new EmbeddedNeo4jError(`Port ${port} on ${host} is already in use: set NEO4J_BOLT_PORT to a free port, ` +
      `or NEO4J_URI=bolt://${host}:${port} to use the Neo4j that is listening there.`);
  }
  const settings: LauncherSettings = {
    dataDir: o.dataDir, host, port, heapMb: o.heapMb ?? 1024, pageCacheMb: o.pageCacheMb ?? 256, startTimeoutMs: o.startTimeoutMs ?? 180_000,
  };
  const child = await spawnLauncher(settings, prepared);
  const restarted: (() => void)[] = [];
  let starts = 0;
  const supervisor = new Supervisor(child, () => spawnLauncher(settings, prepare()), (pid) => {
    fs.writeFileSync(pidFile, JSON.stringify({ pid, port }), { mode: 0o600 });
    if (starts++ > 0) for (const listener of restarted) listener();
  });
  return {
    uri: `bolt://${host}:${port}`, port, user: EMBEDDED_USER, password: prepared.password, reused: false,
    get pid() { return supervisor.pid; },
    onRestarted: (listener) => { restarted.push(listener); },
    stop: async () => { await supervisor.stop(); fs.rmSync(pidFile, { force: true }); },
  };
}

async function stopPid(pid: number, pidFile: string): Promise<void> {
  try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  fs.rmSync(pidFile, { force: true });
}

function readPidFile(file: string): { pid: number; port: number } | undefined {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

export function boltAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

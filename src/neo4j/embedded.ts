import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../common/paths';

/**
 * Starts and stops the project's own Neo4j 5.26 Community (neo4j/ — a Maven-provisioned launcher)
 * as a child JVM with Bolt on loopback. Used when NEO4J_URI is unset, by `npm start` and the tests.
 */
export interface EmbeddedOptions {
  dataDir: string;
  /** Bolt port; 0 picks a free one (tests). */
  port: number;
  host?: string;
  heapMb?: number;
  pageCacheMb?: number;
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  /** True when an instance this module started earlier (same data dir) was found running. */
  reused: boolean;
  stop(): Promise<void>;
}

export class EmbeddedNeo4jError extends Error {}

const NEO4J_DIR = path.join(projectRoot, 'neo4j');
const READY = /MODELGRAPH_NEO4J_READY (\d+)/;
const running = new Map<string, Promise<EmbeddedNeo4j>>();

/** Starts Neo4j for dataDir, or returns the instance already running for it. */
export function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const key = path.resolve(options.dataDir);
  let started = running.get(key);
  if (!started) {
    started = launch({ ...options, dataDir: key }).then((neo4j) => ({
      ...neo4j,
      // Once stopped, the next start for this data dir launches a new instance.
      stop: () => { running.delete(key); return neo4j.stop(); },
    }));
    running.set(key, started);
    started.catch(() => running.delete(key));
  }
  return started;
}

async function launch(o: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const host = o.host ?? '127.0.0.1';
  fs.mkdirSync(o.dataDir, { recursive: true });
  const pidFile = path.join(o.dataDir, 'modelgraph-neo4j.json');
  const previous = readPidFile(pidFile);
  if (previous && isAlive(previous.pid) && (await boltAnswers(host, previous.port))) {
    return { uri: `bolt://${host}:${previous.port}`, port: previous.port, reused: true, stop: () => stopPid(previous.pid, pidFile) };
  }
  const libDir = path.join(NEO4J_DIR, 'target', 'lib');
  if (!fs.existsSync(libDir)) {
    throw new EmbeddedNeo4jError(`Neo4j is not provisioned (${libDir} is missing): run 'npm run neo4j:setup' (needs Java 17 and Maven).`);
  }
  const port = o.port === 0 ? await freePort(host) : o.port;
  if (!(await portIsFree(host, port))) {
    throw new EmbeddedNeo4jError(`Port ${port} on ${host} is already in use: set NEO4J_BOLT_PORT to a free port, ` +
      `or NEO4J_URI=bolt://${host}:${port} to use the Neo4j that is listening there.`);
  }
  const classpath = [path.join(NEO4J_DIR, 'target', 'classes'), path.join(libDir, '*')].join(path.delimiter);
  const child = spawn('java', [
    `-Xms${Math.min(256, o.heapMb ?? 1024)}m`, `-Xmx${o.heapMb ?? 1024}m`, '-XX:+UseG1GC',
    '--add-opens', 'java.base/java.nio=ALL-UNNAMED', '--add-opens', 'java.base/java.lang=ALL-UNNAMED',
    '-cp', classpath, 'dev.modelgraph.Launcher',
    '--data', o.dataDir, '--host', host, '--port', String(port),
    '--pagecache-mb', String(o.pageCacheMb ?? 256), '--watch-stdin',
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(path.join(o.dataDir, 'launcher.log'), { flags: 'a' });
  child.stderr!.pipe(log);
  await waitForReady(child, o.startTimeoutMs ?? 180_000);
  fs.writeFileSync(pidFile, JSON.stringify({ pid: child.pid, port }));
  return { uri: `bolt://${host}:${port}`, port, reused: false, stop: () => stopChild(child, pidFile) };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new EmbeddedNeo4jError(`Neo4j did not start within ${timeoutMs} ms.`)); }, timeoutMs);
    child.stderr!.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (READY.test(out)) { clearTimeout(timer); resolve(); }
    });
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(e.code === 'ENOENT'
        ? "Java was not found on PATH: install Java 17 or newer, or set NEO4J_URI to use an existing Neo4j."
        : `Could not start Java: ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Neo4j exited during start-up (code ${code}):\n${err.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

async function stopChild(child: ChildProcess, pidFile: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM'); // the launcher's shutdown hook closes the store cleanly
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(pidFile, { force: true });
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

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { projectRoot } from '../src/common/paths';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { CpuReader, cpuReader } from './measure/process-cpu';
import { Scale } from './scales';

/** A throwaway Neo4j, the service under test as a child process on it, and a driver for loading and the raw-Cypher floor. */
export interface BenchEnvironment {
  url: string;
  servicePid: number;
  /** The CPU time so far of the service, of Neo4j and of the bench itself (measure/process-cpu.ts). */
  cpu: CpuReader;
  /** Where the service's heap sampler (measure/heap-sampler.ts) writes: read with measure/heap-peaks.ts. */
  heapLog: string;
  neo4jUri: string;
  driver: Driver;
  /** Stops everything; says how long the service took to exit on SIGTERM, and whether it had to be killed. */
  stop(): Promise<{ seconds: number; killed: boolean }>;
}

/**
 * The service runs as a child process (the built dist/src/main.js, as `npm start` runs it) so its
 * resident memory is its own, not mixed with the generator's and the load clients'. It applies the
 * migrations itself before /readyz answers, so the graph is loaded under the real constraints.
 */
export async function startEnvironment(scale: Scale, log: (msg: string) => void, keepDir?: string): Promise<BenchEnvironment> {
  // A kept directory survives the run so the next one can skip loading (`--data`); a temp one does not.
  if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
  const dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `modelgraph-bench-${scale.name}-`));
  let db: EmbeddedNeo4j | undefined;
  let child: ChildProcess | undefined;
  let driver: Driver | undefined;
  const shutdown = { seconds: NaN, killed: false };
  const heapLog = path.join(os.tmpdir(), `modelgraph-bench-heap-${process.pid}.log`);
  const stop = async () => {
    await driver?.close();
    if (child && child.exitCode === null && child.signalCode === null) {
      // A clean stop drains requests first; past 15 s it is killed, and the report says so.
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      const started = Date.now();
      child.kill('SIGTERM');
      const timer = setTimeout(() => { shutdown.killed = true; child!.kill('SIGKILL'); }, 15_000);
      await exited;
      clearTimeout(timer);
      shutdown.seconds = Math.round((Date.now() - started) / 100) / 10;
    }
    await db?.stop();
    fs.rmSync(heapLog, { force: true });
    if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
    return shutdown;
  };
  try {
    db = await startEmbeddedNeo4j({ dataDir, port: 0, heapMb: scale.heapMb, pageCacheMb: scale.pageCacheMb });
    log(`  Neo4j ${db.uri} (heap ${scale.heapMb} MB, page cache ${scale.pageCacheMb} MB, data ${dataDir})`);
    const port = await freePort();
    // BENCH_SERVICE_NODE_ARGS passes node flags to the service alone, e.g. `--cpu-prof --cpu-prof-dir=prof`
    // (node refuses --cpu-prof in NODE_OPTIONS, and there it would profile the bench too).
    const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // The heap sampler is preloaded (it adds a timer, nothing else): the service runs as `npm start` runs it.
    const sampler = ['--require', path.join(projectRoot, 'dist', 'bench', 'measure', 'heap-sampler.js')];
    child = spawn(process.execPath, [...nodeArgs, ...sampler, path.join(projectRoot, 'dist', 'src', 'main.js')], {
      env: { ...process.env, BENCH_HEAP_LOG: heapLog, NODE_ENV: 'production', NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', MODELGRAPH_AUTH: 'off' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, child, 120_000);
    driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { maxConnectionPoolSize: 20 });
    log(`  service ${url} (pid ${child.pid})`);
    const neo4jDb = db; // read at each call: a supervised restart changes the JVM's pid
    return { url, servicePid: child.pid!, cpu: cpuReader(child.pid!, () => neo4jDb.pid), heapLog, neo4jUri: db.uri, driver, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited during start-up (code ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the service was not ready within ${timeoutMs} ms`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

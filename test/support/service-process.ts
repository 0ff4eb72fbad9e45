import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The service as a real process (`npm start`'s src/main.ts, through ts-node), on an embedded Neo4j
 * of its own in dataDir: for what only a process shows (its exit status and output, signals, the
 * children it leaves behind). In-process tests use test/support/graph.ts instead.
 */
export interface ServiceProcess {
  child: ChildProcess;
  /** Its URL, once it serves (rejects if it exits first). */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote so far (stdout: JSON log lines; stderr). */
  stdout(): string;
  stderr(): string;
}

const root = path.join(__dirname, '..', '..');

export function spawnService(dataDir: string, env: Record<string, string> = {}): ServiceProcess {
  const { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, ...inherited } = process.env; // its own embedded Neo4j
  void NEO4J_URI; void NEO4J_USER; void NEO4J_PASSWORD;
  const child = spawn(process.execPath, ['-r', 'ts-node/register', path.join(root, 'src', 'main.ts')], {
    cwd: root,
    env: {
      ...inherited, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: path.join(root, 'tsconfig.json'),
      NODE_ENV: 'production', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', NEO4J_BOLT_PORT: '0', MODELGRAPH_DATA_DIR: dataDir,
      // No start-up warm-up: /readyz would wait for it, and these tests are about other things.
      MODELGRAPH_WARMUP: 'off', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = () => {
      const url = /"url":"(http:\/\/[^"]+)"/.exec(out)?.[1];
      if (url) { child.stdout!.off('data', onData); resolve(url); }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`the service exited (code ${code}) before serving:\n${err}${out.slice(-3000)}`)));
  });
  ready.catch(() => undefined); // a caller that only waits for the exit need not handle it
  return { child, ready, exited, stdout: () => out, stderr: () => err };
}

/** The JVM of the embedded Neo4j running for dataDir, as its pid file says (undefined when none). */
export function neo4jPid(dataDir: string): number | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dataDir, 'modelgraph-neo4j.json'), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Processes whose command line mentions `text` (e.g. a data directory): what a crash would leave orphaned. */
export function processesMentioning(text: string): number[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid).filter((p) => {
    try { return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text); } catch { return false; }
  }).map(Number);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds, up to a generous deadline (a slow machine is not a failure; never coming back is). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, deadlineMs = 240_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > until) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await sleep(250);
  }
}

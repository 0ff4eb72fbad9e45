import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../common/log';
import { projectRoot } from '../common/paths';
import { EmbeddedNeo4jError, PreparedDataDir } from './data-dir';

/** One run of the Java launcher (neo4j/src/main/java/dev/modelgraph/Launcher.java) as a child process. */
export interface LauncherSettings {
  dataDir: string;
  host: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
  startTimeoutMs: number;
}

export const NEO4J_DIR = path.join(projectRoot, 'neo4j');
const READY = /MODELGRAPH_NEO4J_READY (\d+)/;

/** Spawns the JVM; resolves once Bolt accepts connections, rejects (and kills it) if it does not start. */
export async function spawnLauncher(s: LauncherSettings, prepared: PreparedDataDir): Promise<ChildProcess> {
  const libDir = path.join(NEO4J_DIR, 'target', 'lib');
  const classpath = [path.join(NEO4J_DIR, 'target', 'classes'), path.join(libDir, '*')].join(path.delimiter);
  // Files Neo4j creates (store, transaction logs, auth) are the owner's only: the child inherits the umask.
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    child = spawn('java', [
      `-Xms${Math.min(256, s.heapMb)}m`, `-Xmx${s.heapMb}m`, '-XX:+UseG1GC',
      '--add-opens', 'java.base/java.nio=ALL-UNNAMED', '--add-opens', 'java.base/java.lang=ALL-UNNAMED',
      '-cp', classpath, 'dev.modelgraph.Launcher',
      '--data', s.dataDir, '--host', s.host, '--port', String(s.port), '--password-file', prepared.passwordFile,
      '--pagecache-mb', String(s.pageCacheMb), '--watch-stdin',
    ], { stdio: ['pipe', 'pipe', 'pipe'] });
  } finally {
    process.umask(umask);
  }
  copyToLog(child, prepared.logFd);
  try {
    await waitForReady(child, s.startTimeoutMs);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return child;
}

/**
 * The JVM's stderr goes to the launcher's log. A write that fails (a full or read-only disk) must
 * not end the service: the error is logged once and the rest of the output is dropped, while the
 * pipe keeps being drained so the JVM never blocks on a full stderr.
 */
function copyToLog(child: ChildProcess, fd: number): void {
  const file = fs.createWriteStream('', { fd, flags: 'a' });
  let failed = false;
  file.on('error', (e) => {
    if (failed) return;
    failed = true;
    log.error({ err: e }, `cannot write the embedded Neo4j's log (${(e as NodeJS.ErrnoException).code ?? e.message}): its output is dropped`);
  });
  child.stderr!.on('data', (chunk: Buffer) => { if (!failed) file.write(chunk); });
  child.stdout!.resume();
  child.once('close', () => file.end());
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new EmbeddedNeo4jError(`Neo4j did not start within ${timeoutMs} ms.`)), timeoutMs);
    const onErr = (d: Buffer) => { err = (err + d.toString()).slice(-4000); };
    const onOut = (d: Buffer) => {
      out += d.toString();
      if (READY.test(out)) done();
    };
    const onError = (e: NodeJS.ErrnoException) => done(new EmbeddedNeo4jError(e.code === 'ENOENT'
      ? 'Java was not found on PATH: install Java 17 or newer, or set NEO4J_URI to use an existing Neo4j.'
      : `Could not start Java: ${e.message}`));
    const onExit = (code: number | null) => done(new EmbeddedNeo4jError(`Neo4j exited during start-up (code ${code}):\n${err.trim().split('\n').slice(-15).join('\n')}`));
    const done = (e?: Error) => {
      clearTimeout(timer);
      child.stderr!.off('data', onErr);
      child.stdout!.off('data', onOut);
      child.off('error', onError).off('exit', onExit);
      if (e) reject(e); else resolve();
    };
    child.stderr!.on('data', onErr);
    child.stdout!.on('data', onOut);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

/** SIGTERM (the launcher's shutdown hook closes the store cleanly), SIGKILL after a minute. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

import { ChildProcess } from 'node:child_process';
import { log } from '../common/log';
import { stopChild } from './launcher-process';

/** Restart delays: 0.5 s, 1 s, 2 s, ... up to 30 s; back to 0.5 s once an instance has run a minute. */
export const BACKOFF_FIRST_MS = 500;
export const BACKOFF_MAX_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

/**
 * Keeps the embedded Neo4j running for as long as the service wants it: a JVM that exits without
 * being asked to (kill -9, an out-of-memory kill, the launcher halting after a database panic) is
 * started again on the same port and data, with exponential backoff while starts keep failing
 * (a full disk, the port taken). The driver reconnects by itself and the circuit breaker
 * (src/common/availability.ts) closes once Neo4j answers, so /readyz turns 200 again without a
 * restart of the service. stop() ends supervision first, so a shutdown never restarts anything.
 */
export class Supervisor {
  private child!: ChildProcess;
  private stopping = false;
  private failures = 0;
  private upSince = 0;
  private timer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;

  constructor(child: ChildProcess, private readonly start: () => Promise<ChildProcess>, private readonly onStarted: (pid: number) => void) {
    this.watch(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.restarting; // a JVM being started is stopped below once it is up
    await stopChild(this.child);
  }

  private watch(child: ChildProcess): void {
    this.child = child;
    this.upSince = Date.now();
    this.onStarted(child.pid!);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - this.upSince >= STABLE_AFTER_MS) this.failures = 0;
      log.error({ pid: child.pid, code, signal }, 'the embedded Neo4j exited unexpectedly');
      this.schedule();
    });
  }

  private schedule(): void {
    const delayMs = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.failures++);
    log.warn({ attempt: this.failures, delayMs }, `restarting the embedded Neo4j in ${delayMs} ms`);
    this.timer = setTimeout(() => { this.restarting = this.restart(); }, delayMs);
    this.timer.unref();
  }

  private async restart(): Promise<void> {
    try {
      const child = await this.start();
      if (this.stopping) {
        this.child = child;
        return;
      }
      this.watch(child);
      log.info({ pid: child.pid, attempt: this.failures }, 'the embedded Neo4j is running again');
    } catch (e) {
      if (this.stopping) return;
      log.error({ err: e, attempt: this.failures }, 'the embedded Neo4j did not start again');
      this.schedule();
    } finally {
      this.restarting = undefined;
    }
  }
}

import { Neo4jError } from 'neo4j-driver';
import { UnavailableError } from './errors';
import { log } from './log';

/**
 * The driver's "no pooled connection became free in time": the pool is busy, the server may be
 * fine. Back-pressure (RATE_LIMITED), never a reason to open the circuit for everyone.
 */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Neo4jError && /^Connection acquisition timed out/.test(error.message);
}

/** The driver's "cannot reach the server" errors (as opposed to errors the server returned). */
export function isUnavailableError(error: unknown): boolean {
  if (!(error instanceof Neo4jError) || isPoolExhausted(error)) return false;
  return ['ServiceUnavailable', 'SessionExpired'].includes(error.code)
    || (/ECONNREFUSED|ECONNRESET|connection/i.test(error.message) && !error.code.startsWith('Neo.'));
}

/**
 * A circuit breaker in front of Neo4j. Once a statement finds the database unreachable, further
 * requests fail at once with UNAVAILABLE instead of each waiting out the driver's connect and
 * retry timeouts (clients get a fast answer, and the process does not pile up waiting requests);
 * a background probe closes the circuit as soon as Neo4j answers again, so the service recovers
 * by itself. The probe runs only while the circuit is open.
 */
export class Availability {
  private openSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly probe: () => Promise<void>, private readonly probeEveryMs = 500) {}

  get isUp(): boolean {
    return this.openSince === undefined;
  }

  /** Throws UNAVAILABLE without touching the network while Neo4j is known to be down. */
  check(): void {
    if (this.openSince !== undefined) throw new UnavailableError();
  }

  /** Called with every failure of a statement: opens the circuit on connectivity errors. */
  report(error: unknown): void {
    if (!isUnavailableError(error) || this.openSince !== undefined || this.closed) return;
    this.openSince = Date.now();
    log.warn({ err: error }, 'Neo4j is unreachable: failing requests fast until it answers again');
    this.schedule();
  }

  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      if (this.closed) return;
      try {
        await this.probe();
        log.info({ downMs: Date.now() - this.openSince! }, 'Neo4j answers again');
        this.openSince = undefined;
      } catch {
        this.schedule();
      }
    }, this.probeEveryMs);
    this.timer.unref(); // never keeps the process alive on its own
  }
}

import neo4j, { Driver, isRetryableError, ManagedTransaction } from 'neo4j-driver';
import { Availability, isPoolExhausted, isUnavailableError } from '../common/availability';
import { PoolExhaustedError, TimeoutError } from '../common/errors';
import { collectIds } from '../common/collect-ids';
import { toNative, toNeo4j } from './convert';
import { integerPaths, Query, Row } from './query';
import { currentScope, forgetRequestNow, inRequestSlot } from './request-scope';

export type { Row };

/** How long transient errors (deadlocks) are retried before the error reaches the client. */
const RETRY_FOR_MS = 5_000;
/** The most ids an audit record names for one transaction. */
const MAX_CHANGED_IDS = 1_000;

/**
 * A transaction handed to repository code: runs named queries, returns plain rows of the type the
 * statement's `// @returns` lines declare (toNative decodes Integers and temporal values into the
 * numbers and Dates those types say).
 */
export class Tx {
  /** Ids of what this transaction's statements changed, for its audit record (see reportChanged). */
  private readonly changed = new Set<string>();

  constructor(private readonly tx: StatementRunner, private readonly db: Db) {}

  async run<P, R>(q: Query<P, R>, params: P): Promise<R[]> {
    this.db.countStatement();
    const started = performance.now();
    let ok = false;
    try {
      const sent = toNeo4j(params, q.integers) as Record<string, unknown>;
      const result = await withoutCallerStack(() => this.tx.run(q.text, sent));
      ok = true;
      // The one place rows get their type: the generator checked the columns against the statement.
      const rows = result.records.map((r) => toNative(r.toObject()) as R);
      // A statement that changed the graph returns what it wrote: its ids name the change.
      if (result.summary.counters.containsUpdates()) this.reportChanged(collectIds(rows));
      return rows;
    } finally {
      this.db.statementObserver?.(q.name, (performance.now() - started) / 1000, ok);
    }
  }

  /**
   * Names nodes this transaction changed, for its audit record: the `id`s in the rows of every
   * statement that changed the graph are reported by run() itself; a repository whose statements
   * return no ids reports the keys of what it wrote (e.g. OpenLineage run ids) here.
   */
  reportChanged(ids: Iterable<string>): void {
    for (const id of ids) if (this.changed.size < MAX_CHANGED_IDS) this.changed.add(id);
  }

  changedIds(): string[] {
    return [...this.changed];
  }

  /** The first row, or undefined. */
  async one<P, R>(q: Query<P, R>, params: P): Promise<R | undefined> {
    return (await this.run(q, params))[0];
  }
}

/**
 * The driver captures and formats the caller's stack for every statement it is handed (its Result
 * constructor), to put it on a failure: measured ~50 µs a statement, 7% of the service's CPU on a
 * one-event OpenLineage request. A failed statement is named by its metric and its mapped error,
 * not by that stack, so the capture (synchronous, inside `send`) runs with no frames to collect. The
 * bench sends its raw statements through this too: they stand for what the service sends.
 */
export function withoutCallerStack<T>(send: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return send();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** What a Tx sends its statements through: a managed transaction, or readOne's auto-commit session. */
type StatementRunner = Pick<ManagedTransaction, 'run'>;

/** The connection pool: its size, and how long a transaction waits for a free connection before RATE_LIMITED. */
export interface PoolSettings {
  size: number;
  acquireTimeoutMs: number;
}

export const DEFAULT_POOL: PoolSettings = { size: 50, acquireTimeoutMs: 5_000 };

/** What a service needs of Db: to run its repositories' work in one read or write transaction. */
export type Transactions = Pick<Db, 'read' | 'readOne' | 'write'>;

/**
 * The service's handle on Neo4j. Reads and writes go through managed transactions, retried on
 * transient errors (deadlocks, leader switches) by `guarded`; one mutation = one write().
 */
export class Db {
  /** Statements sent since start (exported as a metric). */
  statementsSent = 0;
  /** Told the duration of every named statement (the Prometheus histogram, src/observability). */
  statementObserver?: (name: string, seconds: number, ok: boolean) => void;
  /** Fails requests fast while Neo4j is unreachable, and notices when it is back. */
  readonly availability = new Availability(() => this.ping());

  constructor(readonly driver: Driver, readonly database?: string) {}

  static connect(uri: string, user: string, password: string, database?: string, pool: PoolSettings = DEFAULT_POOL): Db {
    const auth = password ? neo4j.auth.basic(user, password) : undefined;
    const driver = neo4j.driver(uri, auth, {
      // An unreachable server is noticed within connectionTimeout; retries are Db's own (see
      // guarded), because the driver's would keep every request of an outage waiting for seconds.
      maxConnectionPoolSize: pool.size,
      connectionAcquisitionTimeout: pool.acquireTimeoutMs,
      connectionTimeout: 2_000,
      maxTransactionRetryTime: 0,
      disableLosslessIntegers: false,
      userAgent: 'modelgraph/0.1',
    });
    return new Db(driver, database);
  }

  /** A read transaction, in one of the request's slots (request-scope.ts: inRequestSlot). */
  read<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return inRequestSlot(() => this.guarded(async () => {
      const config = txConfig(timeoutMs);
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      return session.executeRead((tx) => work(new Tx(tx, this)), config).finally(() => session.close());
    }));
  }

  /**
   * A read of exactly one statement, sent as an auto-commit transaction: one round trip (RUN and
   * PULL together) where an explicit transaction takes three (BEGIN, RUN/PULL, COMMIT), which on a
   * small answer is most of the time. Retried like read(); a second statement is refused, because
   * two auto-commit statements would not share a transaction.
   */
  readOne<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return inRequestSlot(() => this.guarded(async () => {
      const config = txConfig(timeoutMs);
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      let sent = false;
      const once: StatementRunner = {
        run: (text, params) => {
          if (sent) throw new Error('readOne sends one statement; use read() for more');
          sent = true;
          return session.run(text, params, config);
        },
      };
      return work(new Tx(once, this)).finally(() => session.close());
    }));
  }

  /**
   * A write transaction. In a request whose writes are audited, the audit record is its last
   * statement (AuditContext): committed with the change, or rolled back with it; a retried
   * transaction starts from a fresh Tx, so it names only what the attempt that committed changed.
   */
  write<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    const audit = currentScope()?.audit;
    return inRequestSlot(() => this.guarded(async () => {
      const config = txConfig(timeoutMs);
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
      const result = await session.executeWrite(async (mtx) => {
        const tx = new Tx(mtx, this);
        const value = await work(tx);
        if (audit) await audit.recordIn(tx, tx.changedIds());
        return value;
      }, config).finally(() => session.close());
      if (audit) audit.committed++;
      return result;
    })).finally(forgetRequestNow);
  }

  /**
   * Runs a transaction function with retries: transient server errors (deadlocks, lock timeouts,
   * a leader switch) for up to RETRY_FOR_MS with jittered backoff, as the driver would; but a
   * connection that cannot be made is tried once more only (the driver drops a dead server's
   * pooled connections, so that retry is on a fresh one), then reported to the circuit, which
   * answers the requests that follow at once while Neo4j is away. A pool with no free connection
   * is load, not an outage: RATE_LIMITED at once, no retry (it would only add to the queue), and
   * the circuit stays closed.
   */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      this.availability.check();
      try {
        return await work();
      } catch (e) {
        if (isPoolExhausted(e)) throw new PoolExhaustedError();
        if (isUnavailableError(e)) {
          if (attempt === 0) continue;
          this.availability.report(e);
          throw e;
        }
        if (!isRetryableError(e) || Date.now() - started > RETRY_FOR_MS) throw e;
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt) * (0.8 + Math.random() * 0.4)));
      }
    }
  }

  /**
   * Runs one statement outside an explicit transaction: needed for schema commands in migrations.
   * `integers` names the params sent as integers (as in query()); other numbers go as floats.
   */
  async runAutoCommit(text: string, params: Record<string, unknown> = {}, integers: readonly string[] = []): Promise<Row[]> {
    this.countStatement();
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.run(text, toNeo4j(params, integerPaths(integers)) as Record<string, unknown>);
      return result.records.map((r) => toNative(r.toObject()) as Row);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    await this.driver.getServerInfo({ database: this.database });
  }

  countStatement(): void {
    this.statementsSent++;
    const scope = currentScope();
    if (scope) scope.statements++;
  }

  close(): Promise<void> {
    this.availability.stop();
    return this.driver.close();
  }
}

/**
 * The transaction timeout: the caller's, capped by what is left of the request's time budget, so
 * a runaway query is stopped by Neo4j itself (TransactionTimedOut → TIMEOUT) rather than left running.
 */
function txConfig(timeoutMs?: number) {
  const deadline = currentScope()?.deadline;
  let timeout = timeoutMs;
  if (deadline !== undefined) {
    const left = deadline - Date.now();
    if (left <= 0) throw new TimeoutError('The request ran past its time budget (MODELGRAPH_REQUEST_TIMEOUT_MS); narrow it and try again.');
    timeout = timeout ? Math.min(timeout, left) : left;
  }
  return timeout ? { timeout: Math.ceil(timeout) } : undefined;
}

import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { toNative, toNeo4j } from './convert';
import { Query } from './query';
import { currentScope } from './request-scope';

export type Row = Record<string, unknown>;

/** A transaction handed to repository code: runs named queries, returns plain rows. */
export class Tx {
  constructor(private readonly tx: ManagedTransaction, private readonly db: Db) {}

  async run<R = Row, P = Record<string, unknown>>(q: Query<P>, params: P): Promise<R[]> {
    this.db.countStatement();
    const result = await this.tx.run(q.text, toNeo4j(params) as Record<string, unknown>);
    return result.records.map((r) => toNative(r.toObject()) as R);
  }

  /** The first row, or undefined. */
  async one<R = Row, P = Record<string, unknown>>(q: Query<P>, params: P): Promise<R | undefined> {
    return (await this.run<R, P>(q, params))[0];
  }
}

/**
 * The service's handle on Neo4j. Reads and writes go through managed transactions, which the
 * driver retries on transient errors (deadlocks, leader switches); one mutation = one write().
 */
export class Db {
  /** Statements sent since start (exported as a metric). */
  statementsSent = 0;

  constructor(readonly driver: Driver, readonly database?: string) {}

  static connect(uri: string, user: string, password: string, database?: string): Db {
    const auth = password ? neo4j.auth.basic(user, password) : undefined;
    const driver = neo4j.driver(uri, auth, {
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 10_000,
      disableLosslessIntegers: false,
      userAgent: 'modelgraph/0.1',
    });
    return new Db(driver, database);
  }

  read<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    return session.executeRead((tx) => work(new Tx(tx, this)), txConfig(timeoutMs)).finally(() => session.close());
  }

  write<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    return session.executeWrite((tx) => work(new Tx(tx, this)), txConfig(timeoutMs)).finally(() => session.close());
  }

  /** Runs one statement outside an explicit transaction: needed for schema commands in migrations. */
  async runAutoCommit(text: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.countStatement();
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.run(text, toNeo4j(params) as Record<string, unknown>);
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
    return this.driver.close();
  }
}

function txConfig(timeoutMs?: number) {
  return timeoutMs ? { timeout: timeoutMs } : undefined;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { Tx } from './db';

/**
 * What one request carries through every async call it makes, without threading it by hand:
 * its id (for logs), how many Cypher statements it sent (the N+1 guard in the tests and the
 * per-operation figure in the benchmark), and its DataLoaders (so batching and caching are per
 * request: one request never sees another's cached rows).
 */
export interface RequestScope {
  requestId: string;
  statements: number;
  /** The API key the request authenticated with ('anonymous' when auth is off). */
  keyId?: string;
  /** Epoch ms by which the request must be done: Db turns what is left into transaction timeouts. */
  deadline?: number;
  /** The request's "now" (see requestNow); unset until a read asks for it, and again after a write. */
  now?: Date;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** The request's share of Neo4j connections: at most this many of its transactions run at once. */
  slots?: pLimit.Limit;
  /** Set when the request's writes are audited (a mutation, an ingestion): see AuditContext. */
  audit?: AuditContext;
}

/**
 * How a request's writes are audited: Db.write hands every write transaction of the request to
 * `recordIn` before it commits, with the ids of what its statements changed, so the record commits
 * with the change or not at all. `committed` counts the transactions that did.
 */
export interface AuditContext {
  recordIn(tx: Tx, changedIds: string[]): Promise<void>;
  /**
   * Appends the records of requests sharing one transaction (a group commit), each naming its own
   * changes, in one statement: called on any of their contexts (they come from one audit trail).
   */
  recordAllIn(tx: Tx, shares: { audit: AuditContext; changedIds: string[] }[]): Promise<void>;
  committed: number;
}

/** Transactions one request runs at once unless configured (MODELGRAPH_REQUEST_CONCURRENCY). */
export const DEFAULT_REQUEST_CONCURRENCY = 4;

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return requestScope.getStore();
}

export function newScope(requestId: string, budgetMs?: number, concurrency = DEFAULT_REQUEST_CONCURRENCY): RequestScope {
  return { requestId, statements: 0, loaders: new Map(), deadline: budgetMs ? Date.now() + budgetMs : undefined, slots: pLimit(concurrency) };
}

/**
 * Lets go of what a finished request cached. Objects created while it ran keep its scope reachable
 * after it ends: the keep-alive socket's idle timer (armed as the response ends) and DataLoader's
 * shared resolved promise (made in the first request that used a loader). With the loaders in the
 * scope, each idle connection kept its last request's rows alive: a 48,000-field list on the large
 * bench graph, ~50 MB per connection (heap snapshot), and the RSS peaks that followed.
 */
export function releaseScope(scope: RequestScope): void {
  scope.loaders.clear();
  scope.now = undefined;
}

/** Set while a transaction holds one of its request's slots: work nested in it needs no second one. */
const holdingSlot = new AsyncLocalStorage<true>();

/**
 * Runs `transaction` in one of the request's slots, queueing behind the request's own other
 * transactions when all are taken. A request of 1,000 aliases (each a traversal) thus waits in
 * its own queue instead of taking every pooled connection from everyone else. A transaction
 * started inside another one's work runs at once (waiting for a second slot could deadlock).
 */
export function inRequestSlot<T>(transaction: () => Promise<T>): Promise<T> {
  const slots = currentScope()?.slots;
  if (!slots || holdingSlot.getStore()) return transaction();
  return slots(() => holdingSlot.run(true, transaction));
}

/**
 * The request's DataLoader named `name`, created on first use. `batch` gets every key asked for
 * in one tick and must return one value per key, in order. Outside a request (scripts, tests of
 * services) a fresh loader is made, so calls still batch within the tick but nothing is cached.
 */
export function requestLoader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  const scope = currentScope();
  const existing = scope?.loaders.get(name);
  // One map holds loaders of every key and value type, so it forgets them: a name is only ever
  // used with one batch function (and so one K and V), which is what makes these two casts sound.
  if (existing) return existing as unknown as DataLoader<K, V>;
  const loader = new DataLoader<K, V>(batch, { maxBatchSize: 10_000 });
  scope?.loaders.set(name, loader as unknown as DataLoader<unknown, unknown>);
  return loader;
}

/**
 * "Now" for reads of what holds now (serving, members, current version): one instant for the
 * whole request, fixed when a read first asks, so every row of a list is read as of the same
 * time and their loads share one batch (a fresh `new Date()` per row names a loader per
 * millisecond and splits the batch as the list grows). A write clears it (Db.write), so what a
 * mutation wrote is visible to the reads after it. Outside a request: the clock.
 */
export function requestNow(): Date {
  const scope = currentScope();
  if (!scope) return new Date();
  scope.now ??= new Date();
  return scope.now;
}

/** Called after every write: the request's next "now" is taken afresh. */
export function forgetRequestNow(): void {
  const scope = currentScope();
  if (scope) scope.now = undefined;
}

/**
 * The request's loader for a read as of `asOf` (default: the request's now): one loader, and so
 * one batch, per instant. `batch` gets the instant with the keys.
 */
export function asOfLoader<K, V>(name: string, asOf: Date | undefined, batch: (keys: readonly K[], at: Date) => Promise<V[]>): DataLoader<K, V> {
  const at = asOf ?? requestNow();
  return requestLoader<K, V>(`${name}@${at.toISOString()}`, (keys) => batch(keys, at));
}

/** Groups rows by a key, in the order of `keys`: the usual last step of a to-many batch function. */
export function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row); else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** One row per key, in the order of `keys` (null where none): the to-one counterpart of groupBy. */
export function indexBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r] as const));
  return keys.map((k) => map.get(k) ?? null);
}

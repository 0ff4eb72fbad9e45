import crypto from 'node:crypto';
import { log } from '../common/log';
import { Tx } from '../db/db';
import { parseEventTime } from './event-time';
import { OlEvent } from './event.types';
import { LineageEventRepository, ListFilter, ReplayRow, StoredEventRow } from './event-store.repository';

/** Deletions per retention statement, and statements per sweep: a sweep's work is bounded. */
const PRUNE_BATCH = 1_000;
const PRUNE_BATCHES_PER_SWEEP = 10;

export interface EventListing { events: unknown[]; totalCount: number }
export interface EventQuery extends ListFilter { ascending: boolean; offset: number; limit: number }

/**
 * Every accepted OpenLineage event, kept as received (Marquez keeps its `lineage_events` so), so
 * that a fix to the mapping can reach old data (`modelgraph replay`). Stored in the transaction
 * that folds the events into the graph: an event is in the store exactly when its lineage is.
 * Retention is by the time an event was received (`retentionDays`, 0 = forever).
 */
export class LineageEventStore {
  constructor(private readonly repo: LineageEventRepository, readonly retentionDays: number) {}

  async record(tx: Tx, events: unknown[]): Promise<void> {
    if (events.length) await this.repo.store(tx, events.map((e) => storedRow(e as OlEvent)));
  }

  list(query: EventQuery): Promise<EventListing> {
    const { ascending, offset, limit, ...filter } = query;
    return this.repo.list(filter, { ascending, offset, limit }).then(({ json, total }) => ({
      events: json.map((j) => JSON.parse(j) as unknown), totalCount: total,
    }));
  }

  /** The stored events in the order they happened, a page at a time (for replay). */
  async *inOrder(pageSize: number): AsyncGenerator<ReplayRow[]> {
    let after: unknown[] | null = null;
    for (;;) {
      const page = await this.repo.replayPage(after, pageSize);
      if (!page.length) return;
      yield page;
      const last = page[page.length - 1];
      after = [last.eventTime.toISOString(), last.recordedAt.toISOString(), last.hash];
    }
  }

  /**
   * Deletes events received more than retentionDays ago, at most PRUNE_BATCH × PRUNE_BATCHES_PER_SWEEP
   * per call (a backlog goes over several sweeps), each batch its own transaction.
   */
  async prune(now = new Date()): Promise<number> {
    if (this.retentionDays <= 0) return 0;
    const before = new Date(now.getTime() - this.retentionDays * 86_400_000);
    let deleted = 0;
    for (let i = 0; i < PRUNE_BATCHES_PER_SWEEP; i++) {
      const n = await this.repo.pruneBatch(before, PRUNE_BATCH);
      deleted += n;
      if (n < PRUNE_BATCH) break;
    }
    if (deleted) log.info({ deleted, before }, 'lineage event retention: old events deleted');
    return deleted;
  }
}

/** What is kept of an event: its JSON and the keys it is listed and replayed by. */
export function storedRow(event: OlEvent): StoredEventRow {
  const json = JSON.stringify(event);
  const eventTime = parseEventTime(event.eventTime);
  if (!eventTime) throw new Error(`eventTime '${event.eventTime}' is not a date-time`); // validated before
  return {
    hash: crypto.createHash('sha256').update(json).digest('hex'),
    json,
    bytes: Buffer.byteLength(json),
    eventTime,
    eventType: event.eventType ?? null,
    runId: event.run?.runId ?? null,
    namespace: event.job?.namespace ?? event.dataset?.namespace ?? null,
    jobName: event.job?.name ?? null,
  };
}

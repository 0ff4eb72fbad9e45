import { Transactions, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';

export type StoredEventRow = ParamsOf<typeof Q.openlineageStoreEvents>['events'][number];
export type ListFilter = ParamsOf<typeof Q.openlineageCountEvents>;
export type ReplayRow = RowOf<typeof Q.openlineageEventsToReplay>['event'];

/** The only code that talks to Neo4j about stored OpenLineage events (:LineageEvent). */
export class LineageEventRepository {
  constructor(private readonly db: Transactions) {}

  /** Inside the ingestion's transaction: the events are stored exactly when their folding is. */
  async store(tx: Tx, events: StoredEventRow[]): Promise<void> {
    await tx.run(Q.openlineageStoreEvents, { events });
  }

  /** One batch of retention, in its own transaction. */
  async pruneBatch(before: Date, limit: number): Promise<number> {
    return (await this.db.write((tx) => tx.one(Q.openlineagePruneEvents, { before, limit })))?.deleted ?? 0;
  }

  /** One read: the page and the total the filters match. */
  list(filter: ListFilter, page: { ascending: boolean; offset: number; limit: number }): Promise<{ json: string[]; total: number }> {
    return this.db.read(async (tx) => ({
      json: (await tx.run(Q.openlineageListEvents, { ...filter, ...page })).map((r) => r.json),
      total: (await tx.one(Q.openlineageCountEvents, filter))?.total ?? 0,
    }));
  }

  async replayPage(after: unknown[] | null, limit: number): Promise<ReplayRow[]> {
    return (await this.db.readOne((tx) => tx.run(Q.openlineageEventsToReplay, { after, limit }))).map((r) => r.event);
  }
}

import { AppError } from '../common/errors';
import { log } from '../common/log';
import { Transactions } from '../db/db';
import { entityKeys, foldBatch } from './batch-fold';
import { replayVersions } from './batch-replay';
import { versionsToLoad } from './batch-versions';
import { OlEvent } from './event.types';
import { planEvent } from './event-mapping';
import { LineagePlan } from './lineage-plan.types';
import { OpenLineageIngestRepository } from './ingest.repository';
import { EventSchemaValidator } from './schema-validator';
import { LineageEventStore } from './event-store';

/** An event the spec's schemas reject: a 400 BAD_USER_INPUT with the reasons, nothing stored. */
export class InvalidEventError extends AppError {
  constructor(readonly reasons: string[]) {
    super('Invalid OpenLineage event.', 'BAD_USER_INPUT', { reasons });
  }
}

export interface BatchItemResult { index: number; status: 'accepted' | 'rejected'; errors?: string[] }
export interface BatchResult { status: 'success' | 'partial_success'; accepted: number; rejected: number; events: BatchItemResult[] }

/**
 * Events per transaction: a batch larger than this is applied in several, in order, so one
 * transaction's state and locks stay bounded.
 */
export const EVENTS_PER_TRANSACTION = 500;

/**
 * OpenLineage ingestion: validate, map (pure), then apply the valid events of a request together,
 * set-based, with the same result as applying them one by one in order (batch-fold.ts,
 * batch-replay.ts). A single event is a batch of one: one code path.
 */
export class OpenLineageIngestService {
  private readonly validator = new EventSchemaValidator();

  constructor(private readonly repo: OpenLineageIngestRepository, private readonly db: Transactions,
    /** Keeps each accepted event as received, in the transaction that folds it (replay). */
    private readonly store?: LineageEventStore) {}

  async ingest(event: unknown): Promise<void> {
    const check = this.validator.validate(event);
    if (!check.valid) throw new InvalidEventError(check.errors);
    await this.apply([planEvent(event as OlEvent)], [event]);
  }

  /**
   * A rejected event does not keep the others from being stored; its reasons are in the result.
   * A database failure is not the events' fault: it propagates (500), and nothing of the
   * transaction it hit was stored (of a batch over EVENTS_PER_TRANSACTION events, the transactions
   * before it were).
   */
  async ingestBatch(events: unknown[]): Promise<BatchResult> {
    const results: BatchItemResult[] = [];
    const plans: LineagePlan[] = [];
    const accepted: unknown[] = [];
    for (const [index, event] of events.entries()) {
      const check = this.validator.validate(event);
      if (check.valid) {
        plans.push(planEvent(event as OlEvent));
        accepted.push(event);
        results.push({ index, status: 'accepted' });
      } else {
        log.info({ index, reasons: check.errors }, 'openlineage batch: event rejected');
        results.push({ index, status: 'rejected', errors: check.errors });
      }
    }
    for (let i = 0; i < plans.length; i += EVENTS_PER_TRANSACTION) await this.apply(plans.slice(i, i + EVENTS_PER_TRANSACTION), accepted.slice(i, i + EVENTS_PER_TRANSACTION));
    const rejected = results.filter((r) => r.status === 'rejected').length;
    return { status: rejected ? 'partial_success' : 'success', accepted: results.length - rejected, rejected, events: results };
  }

  /**
   * Folds events again that were stored before (replay): mapped with today's rules, not stored a
   * second time. Folding is idempotent, so replaying what is already in the graph changes nothing.
   * Returns the reasons of events the schemas refuse now (skipped).
   */
  async refold(events: unknown[]): Promise<string[][]> {
    const plans: LineagePlan[] = [];
    const refused: string[][] = [];
    for (const event of events) {
      const check = this.validator.validate(event);
      if (check.valid) plans.push(planEvent(event as OlEvent));
      else refused.push(check.errors);
    }
    for (let i = 0; i < plans.length; i += EVENTS_PER_TRANSACTION) await this.apply(plans.slice(i, i + EVENTS_PER_TRANSACTION), []);
    return refused;
  }

  /**
   * One transaction, a constant number of statements: load the stored runs (locking them), jobs
   * and datasets; fold the events in order in memory; load the versions that folding showed the
   * events depend on; replay reads and writes of versions; write each kind of node and
   * relationship with one UNWIND. Retried whole on a deadlock, so the work is redone from the load.
   */
  private apply(plans: LineagePlan[], received: unknown[]): Promise<void> {
    // A batch = one transaction: the state is read (and its runs locked) and written in it; throwing rolls it all back.
    return this.db.write(async (tx) => {
      const batch = foldBatch(plans, await this.repo.loadEntities(tx, entityKeys(plans)));
      const stored = await this.repo.loadVersions(tx, versionsToLoad(batch));
      await this.repo.write(tx, batch, replayVersions(batch, stored));
      await this.store?.record(tx, received);
    });
  }
}

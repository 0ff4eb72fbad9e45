import { log } from '../common/log';
import { OlEvent } from './event.types';
import { planEvent } from './event-mapping';
import { LineageRepository } from './lineage.repository';
import { planWrite } from './lineage-write';
import { EventSchemaValidator } from './schema-validator';

/** An event the spec's schemas reject: a 400 with the reasons, nothing stored. */
export class InvalidEventError extends Error {
  constructor(readonly reasons: string[]) {
    super(`Invalid OpenLineage event: ${reasons.join('; ')}`);
  }
}

export interface BatchItemResult { index: number; status: 'accepted' | 'rejected'; errors?: string[] }
export interface BatchResult { status: 'success' | 'partial_success'; accepted: number; rejected: number; events: BatchItemResult[] }

/** OpenLineage ingestion: validate, map (pure), then apply in one transaction per event. */
export class LineageService {
  private readonly validator = new EventSchemaValidator();

  constructor(private readonly repo: LineageRepository) {}

  async ingest(event: unknown): Promise<void> {
    const check = this.validator.validate(event);
    if (!check.valid) throw new InvalidEventError(check.errors);
    const plan = planEvent(event as OlEvent);
    await this.repo.transaction(async (tx) => {
      const stored = await this.repo.load(tx, plan);
      await this.repo.write(tx, planWrite(plan, stored));
    });
  }

  /**
   * Each event on its own (its own transaction), in order, so events of one run keep their order
   * and a rejected event does not undo the accepted ones. A database failure is not the event's
   * fault: it propagates (500), after the events before it were stored.
   */
  async ingestBatch(events: unknown[]): Promise<BatchResult> {
    const results: BatchItemResult[] = [];
    for (const [index, event] of events.entries()) {
      try {
        await this.ingest(event);
        results.push({ index, status: 'accepted' });
      } catch (e) {
        if (!(e instanceof InvalidEventError)) throw e;
        log.info({ index, reasons: e.reasons }, 'openlineage batch: event rejected');
        results.push({ index, status: 'rejected', errors: e.reasons });
      }
    }
    const rejected = results.filter((r) => r.status === 'rejected').length;
    return { status: rejected ? 'partial_success' : 'success', accepted: results.length - rejected, rejected, events: results };
  }
}

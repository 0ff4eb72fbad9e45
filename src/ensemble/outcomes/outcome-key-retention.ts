import { log } from '../../common/log';
import { every, Stop } from '../../common/periodic';
import { Transactions } from '../../db/db';
import { OutcomesRepository } from './outcomes.repository';

/** Keys deleted per statement, and statements per sweep: a sweep's work is bounded. */
export interface KeySweepBounds { batch: number; batchesPerSweep: number }
const DEFAULT_BOUNDS: KeySweepBounds = { batch: 1_000, batchesPerSweep: 10 };

/**
 * The idempotency keys of outcome batches are kept `retentionHours` after their batch (0 =
 * forever): long enough for any retry of a serving system, not for ever. Swept on a timer outside
 * the outcome batches (a sweep inside them would make batches contend for the old keys' locks),
 * each batch of deletions its own transaction; a backlog goes over several sweeps.
 */
export class OutcomeKeyRetention {
  constructor(private readonly repo: OutcomesRepository, private readonly db: Transactions, readonly retentionHours: number,
              private readonly bounds: KeySweepBounds = DEFAULT_BOUNDS) {}

  /** Deletes keys older than the retention, at most batch × batchesPerSweep; how many it deleted. */
  async prune(now = new Date()): Promise<number> {
    if (this.retentionHours <= 0) return 0;
    const before = new Date(now.getTime() - this.retentionHours * 3_600_000);
    let deleted = 0;
    for (let i = 0; i < this.bounds.batchesPerSweep; i++) {
      const n = await this.db.write((tx) => this.repo.pruneKeys(tx, before, this.bounds.batch));
      deleted += n;
      if (n < this.bounds.batch) break;
    }
    if (deleted) log.info({ deleted, before }, 'outcome key retention: old idempotency keys deleted');
    return deleted;
  }

  /** The sweep every `intervalMs`; none when keys are kept forever. */
  start(intervalMs: number): Stop | undefined {
    if (this.retentionHours <= 0) return undefined;
    return every(intervalMs, 'outcome key retention', () => this.prune());
  }
}

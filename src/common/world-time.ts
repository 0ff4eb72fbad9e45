import { BadInputError } from './errors';

/**
 * World time: when a thing became true, as a write states it (`at`, `createdAt`), beside the
 * transaction time it was recorded (`recordedAt`, set by the database). A stated time must not lie
 * in the future: "as of now" answers would hide what was just written.
 */
export function statedTime(at: Date | null | undefined, field: string): Date | null {
  if (at == null) return null;
  if (at > new Date()) throw new BadInputError(`${field} must not be in the future.`, field);
  return at;
}

/** A change at `at` involving `what` (e.g. "ModelVersion 'fraud@1'") cannot precede its creation. */
export function requireExisted(at: Date, createdAt: Date, what: string, field: string): void {
  if (at < createdAt) {
    throw new BadInputError(`${field} (${at.toISOString()}) is before ${what} existed (${createdAt.toISOString()}).`, field);
  }
}

/** The description of an upsert's `at`. */
export const CREATED_AT = 'When it came to be (default now; for backfills, not in the future): the createdAt of a new one; '
  + 'a later upsert never moves it.';

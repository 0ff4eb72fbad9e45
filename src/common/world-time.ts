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

/**
 * The instant a change to a time-varying relationship (MEMBER, SERVES, ALIAS, a feature's
 * DERIVED_FROM) takes effect. History is append-only: a change must come strictly after the
 * previous one, or the closed edge would have to <= from and "what held at t" would become
 * ambiguous. An explicit `at` (backfills) that is not after the latest change, or lies in the
 * future, is rejected; without `at` the clock is used, nudged 1 ms past the latest change when two
 * changes land in the same millisecond.
 */
export function changeTime(at: Date | null | undefined, lastChange: Date | null, field: string): Date {
  const stated = statedTime(at, field);
  if (stated === null) {
    const now = new Date();
    return lastChange && lastChange >= now ? new Date(lastChange.getTime() + 1) : now;
  }
  if (lastChange && stated <= lastChange) {
    throw new BadInputError(`${field} must be after the latest change (${lastChange.toISOString()}); history is append-only.`, field);
  }
  return stated;
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

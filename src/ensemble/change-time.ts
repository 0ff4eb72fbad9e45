import { BadInputError } from '../common/errors';

/**
 * The instant a change to a time-varying relationship (MEMBER, SERVES) takes effect.
 * History is append-only: a change must come strictly after the previous one, or the closed edge
 * would have to <= from and "what held at t" would become ambiguous. An explicit `at` (backfills)
 * that is not after the latest change, or lies in the future, is rejected; without `at` the clock
 * is used, nudged 1 ms past the latest change when two changes land in the same millisecond.
 */
export function changeTime(at: Date | null | undefined, lastChange: Date | null, field: string): Date {
  const now = new Date();
  if (at == null) return lastChange && lastChange >= now ? new Date(lastChange.getTime() + 1) : now;
  if (at > now) throw new BadInputError(`${field} must not be in the future.`, field);
  if (lastChange && at <= lastChange) {
    throw new BadInputError(`${field} must be after the latest change (${lastChange.toISOString()}); history is append-only.`, field);
  }
  return at;
}

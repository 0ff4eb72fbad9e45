import { MetricAggregate, TimeBucket } from './metrics.types';

/**
 * Time arithmetic shared by the write side (which hour bucket a point is stored in) and the read
 * side (which MINUTE/HOUR/DAY/WEEK slot it is reported in). All UTC, in epoch milliseconds.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; the first Monday 00:00 UTC came 4 days later. */
const MONDAY_OFFSET_MS = 4 * DAY_MS;

export const BUCKET_MS: Record<TimeBucket, number> = {
  [TimeBucket.MINUTE]: MINUTE_MS, [TimeBucket.HOUR]: HOUR_MS, [TimeBucket.DAY]: DAY_MS, [TimeBucket.WEEK]: WEEK_MS,
};

/** The start of the slot holding `ms`. */
export function slotStart(ms: number, bucket: TimeBucket): number {
  const size = BUCKET_MS[bucket];
  const offset = bucket === TimeBucket.WEEK ? MONDAY_OFFSET_MS : 0;
  return Math.floor((ms - offset) / size) * size + offset;
}

/** The stored (hour) bucket of a point. */
export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/**
 * Whether a query must read the raw points of the stored buckets: for slots finer than the stored
 * hour, and for percentiles, which no running summary gives. Otherwise the per-bucket summary
 * (count, sum, min, max, last) answers, and a year of hourly buckets is 8,760 small rows.
 */
export function needsPoints(bucket: TimeBucket, aggregate: MetricAggregate): boolean {
  return bucket === TimeBucket.MINUTE || aggregate === MetricAggregate.P50 || aggregate === MetricAggregate.P95;
}

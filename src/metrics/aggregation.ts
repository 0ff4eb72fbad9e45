import { MetricAggregate, MetricValue, TimeBucket } from './metrics.types';
import { percentile } from '../common/percentile';
import { HOUR_MS, slotStart } from './time-buckets';

/** A stored hour bucket as read back: its summary, and its points when the query needs them. */
export interface StoredBucket {
  start: Date;
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  lastAt: Date;
  points: number[] | null;
  values: number[] | null;
}

/** Folds points and bucket summaries into one slot's value. */
export class SlotAccumulator {
  count = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;
  private last = NaN;
  private lastAt = -Infinity;
  private readonly values: number[] = [];

  constructor(private readonly keepValues: boolean) {}

  addPoint(at: number, value: number): void {
    this.addSummary(1, value, value, value, value, at);
    if (this.keepValues) this.values.push(value);
  }

  addSummary(count: number, sum: number, min: number, max: number, last: number, lastAt: number): void {
    this.count += count;
    this.sum += sum;
    this.min = Math.min(this.min, min);
    this.max = Math.max(this.max, max);
    if (lastAt >= this.lastAt) { this.last = last; this.lastAt = lastAt; }
  }

  value(aggregate: MetricAggregate): number {
    switch (aggregate) {
      case MetricAggregate.AVG: return this.sum / this.count;
      case MetricAggregate.MIN: return this.min;
      case MetricAggregate.MAX: return this.max;
      case MetricAggregate.LAST: return this.last;
      case MetricAggregate.COUNT: return this.count;
      case MetricAggregate.P50: return percentile(this.values.sort((a, b) => a - b), 0.5);
      case MetricAggregate.P95: return percentile(this.values.sort((a, b) => a - b), 0.95);
    }
  }
}

/**
 * Reports stored hour buckets in slots of `bucket` over [from, to). A bucket read with its points
 * (a MINUTE or percentile query, or a bucket cut by the range's ends) contributes the points that
 * fall in the range; a whole bucket read as a summary contributes its summary to its slot, which
 * holds all of it because hours nest in days and in weeks. Empty slots are left out.
 */
export function aggregateBuckets(rows: StoredBucket[], from: Date, to: Date, bucket: TimeBucket, aggregate: MetricAggregate, keepValues: boolean): MetricValue[] {
  const slots = new Map<number, SlotAccumulator>();
  const slot = (ms: number) => {
    const start = slotStart(ms, bucket);
    let acc = slots.get(start);
    if (!acc) slots.set(start, (acc = new SlotAccumulator(keepValues)));
    return acc;
  };
  const lo = from.getTime();
  const hi = to.getTime();
  for (const b of rows) {
    if (b.points && b.values) {
      b.points.forEach((at, i) => { if (at >= lo && at < hi) slot(at).addPoint(at, b.values![i]); });
    } else if (b.start.getTime() >= lo && b.start.getTime() + HOUR_MS <= hi) {
      slot(b.start.getTime()).addSummary(b.count, b.sum, b.min, b.max, b.last, b.lastAt.getTime());
    }
  }
  return [...slots].sort((a, b) => a[0] - b[0]).map(([start, acc]) => ({ start: new Date(start), value: acc.value(aggregate), count: acc.count }));
}

/** Every bucket's points in one value (a model version's whole life), or null with no points. */
export function aggregateAll(rows: Omit<StoredBucket, 'points'>[], aggregate: MetricAggregate, keepValues: boolean): { value: number | null; count: number } {
  const acc = new SlotAccumulator(keepValues);
  for (const b of rows) {
    if (keepValues && b.values) b.values.forEach((v) => acc.addPoint(0, v));
    else acc.addSummary(b.count, b.sum, b.min, b.max, b.last, b.lastAt.getTime());
  }
  return acc.count ? { value: acc.value(aggregate), count: acc.count } : { value: null, count: 0 };
}

import { SlotAccumulator, StoredBucket } from '../metrics/aggregation';
import { MetricAggregate } from '../metrics/metrics.types';
import { HOUR_MS } from '../metrics/time-buckets';
import { ObservedMetricChange } from './datachange.types';

/** One row of cypher/datachange/metric-windows.cypher. */
export type WindowBucket = StoredBucket & { deployment: string };

export interface Windows { from: Date; at: Date; to: Date }

/** [at − hours, at) and [at, at + hours): the windows compared around the moment the new version became current. */
export function windowsAround(at: Date, hours: number): Windows {
  return { from: new Date(at.getTime() - hours * HOUR_MS), at, to: new Date(at.getTime() + hours * HOUR_MS) };
}

/**
 * The average of a deployment's metric before and after `at`. A bucket read with its points (one
 * cut by a window's edge) contributes the points on each side; any other bucket lies wholly in
 * one window and contributes its summary, so a long window reads hour summaries, not points.
 */
export function observedChange(metric: string, w: Windows, buckets: WindowBucket[]): ObservedMetricChange {
  const before = new SlotAccumulator(false);
  const after = new SlotAccumulator(false);
  const [lo, at, hi] = [w.from.getTime(), w.at.getTime(), w.to.getTime()];
  const side = (ms: number) => (ms >= lo && ms < at ? before : ms >= at && ms < hi ? after : null);
  for (const b of buckets) {
    if (b.points && b.values) {
      b.points.forEach((ms, i) => side(ms)?.addPoint(ms, b.values![i]));
    } else {
      side(b.start.getTime())?.addSummary(b.count, b.sum, b.min, b.max, b.last, b.lastAt.getTime());
    }
  }
  const avg = (acc: SlotAccumulator) => (acc.count ? acc.value(MetricAggregate.AVG) : null);
  const [b, a] = [avg(before), avg(after)];
  return {
    metric, from: w.from, at: w.at, to: w.to, before: b, after: a, change: b !== null && a !== null ? a - b : null,
    pointsBefore: before.count, pointsAfter: after.count,
  };
}

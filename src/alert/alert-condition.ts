import { SlotAccumulator, StoredBucket } from '../metrics/aggregation';
import { MetricAggregate } from '../metrics/metrics.types';
import { HOUR_MS, hourOf } from '../metrics/time-buckets';
import { WindowQuery } from './alert.repository';
import { AlertCondition, AlertRule } from './alert.types';

/** What one evaluation of a rule found: whether its condition holds, and the value it judged. */
export interface Judgement { holds: boolean; value: number | null }

interface Range { from: number; to: number }

/** The window a rule looks at, ending `now`; DROP also its baseline, the window just before it. */
function ranges(rule: AlertRule, now: number): { current: Range; baseline?: Range } {
  const current = { from: now - rule.windowSeconds * 1000, to: now };
  if (rule.condition !== AlertCondition.DROP) return { current };
  return { current, baseline: { from: current.from - (rule.baselineSeconds ?? rule.windowSeconds) * 1000, to: current.from } };
}

/** The stored buckets each rule needs read (keys: the rule id, and `<id>/baseline`). */
export function windowsOf(rule: AlertRule, now: number): WindowQuery[] {
  const needPoints = rule.aggregate === MetricAggregate.P50 || rule.aggregate === MetricAggregate.P95;
  const window = (key: string, r: Range): WindowQuery => ({
    key, targetId: rule.target.id, name: rule.metric, from: new Date(r.from), fromHour: new Date(hourOf(r.from)), to: new Date(r.to), needPoints,
  });
  const { current, baseline } = ranges(rule, now);
  return baseline ? [window(rule.id, current), window(`${rule.id}/baseline`, baseline)] : [window(rule.id, current)];
}

/** A window's points folded into the rule's aggregate (count 0: no point in it). */
export function aggregateWindow(buckets: StoredBucket[], r: Range, aggregate: MetricAggregate): { count: number; value: number } {
  const acc = new SlotAccumulator(aggregate === MetricAggregate.P50 || aggregate === MetricAggregate.P95);
  for (const b of buckets) {
    if (b.points && b.values) {
      b.points.forEach((at, i) => { if (at >= r.from && at < r.to) acc.addPoint(at, b.values![i]); });
    } else if (b.start.getTime() >= r.from && b.start.getTime() + HOUR_MS <= r.to) {
      acc.addSummary(b.count, b.sum, b.min, b.max, b.last, b.lastAt.getTime());
    }
  }
  return { count: acc.count, value: acc.count ? acc.value(aggregate) : NaN };
}

/**
 * Judges a rule on the buckets read for it. A disabled rule never holds (its open alert resolves).
 * Too few points (minPoints) is not a breach: BELOW, ABOVE and DROP hold only on enough data,
 * and silence is NO_DATA's to report.
 */
export function judge(rule: AlertRule, read: Map<string, StoredBucket[]>, now: number): Judgement {
  if (!rule.enabled) return { holds: false, value: null };
  const { current, baseline } = ranges(rule, now);
  const cur = aggregateWindow(read.get(rule.id) ?? [], current, rule.aggregate);
  if (rule.condition === AlertCondition.NO_DATA) return { holds: cur.count === 0, value: cur.count };
  if (cur.count < rule.minPoints) return { holds: false, value: cur.count ? cur.value : null };
  const threshold = rule.threshold ?? 0;
  switch (rule.condition) {
    case AlertCondition.BELOW: return { holds: cur.value < threshold, value: cur.value };
    case AlertCondition.ABOVE: return { holds: cur.value > threshold, value: cur.value };
    case AlertCondition.DROP: {
      const base = aggregateWindow(read.get(`${rule.id}/baseline`) ?? [], baseline!, rule.aggregate);
      if (base.count < rule.minPoints) return { holds: false, value: cur.value };
      return { holds: cur.value < base.value - Math.abs(base.value) * threshold, value: cur.value };
    }
  }
}

/**
 * The q-quantile (q in 0..1) of ascending values, interpolating linearly between the two nearest
 * ranks: numpy's default method, so values match what a data scientist computes from the same
 * numbers. Used for metric percentiles, dataset profiles and benchmark latencies. NaN when empty.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

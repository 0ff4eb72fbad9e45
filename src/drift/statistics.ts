/**
 * Distances between two distributions given as counts over the same bins (numeric histograms on
 * common edges, or categories aligned by value). Pure functions: test/stats.test.ts checks them
 * against values from scipy/numpy. Counts need not sum to the same total: each side is normalised.
 */

/**
 * PSI's stand-in for an empty bin's share: ln(q/p) is infinite at 0, so an empty bin counts as
 * holding 0.01% (the value Evidently and most PSI write-ups use). Shares are not re-normalised.
 */
export const PSI_EPSILON = 1e-4;

export function proportions(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  return total > 0 ? counts.map((c) => c / total) : counts.map(() => 0);
}

/** Population Stability Index: Σ (a − e) · ln(a / e) over bins, with `expected` the reference. */
export function psi(expected: readonly number[], actual: readonly number[], epsilon = PSI_EPSILON): number {
  sameLength(expected, actual);
  const e = proportions(expected).map((x) => Math.max(x, epsilon));
  const a = proportions(actual).map((x) => Math.max(x, epsilon));
  return e.reduce((sum, ei, i) => sum + (a[i] - ei) * Math.log(a[i] / ei), 0);
}

/**
 * Jensen–Shannon distance with base-2 logs, so it lies in [0, 1]: the square root of the JS
 * divergence (as scipy.spatial.distance.jensenshannon(p, q, base=2)).
 */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  sameLength(p, q);
  const a = proportions(p);
  const b = proportions(q);
  const kl = (x: number[], m: number[]) => x.reduce((s, xi, i) => (xi > 0 ? s + xi * Math.log2(xi / m[i]) : s), 0);
  const m = a.map((ai, i) => (ai + b[i]) / 2);
  const divergence = (kl(a, m) + kl(b, m)) / 2;
  return Math.sqrt(Math.max(0, divergence)); // rounding can leave a tiny negative
}

/**
 * Earth mover's (Wasserstein-1) distance between two histograms on the same edges, the mass of
 * each bin at its centre (as scipy.stats.wasserstein_distance(centres, centres, p, q)), divided by
 * the edges' range so that it reads as a share of the value range: 0 equal, 1 at opposite ends.
 */
export function wassersteinNormed(edges: readonly number[], p: readonly number[], q: readonly number[]): number {
  sameLength(p, q);
  if (edges.length !== p.length + 1) throw new Error('a histogram needs one more edge than counts');
  const range = edges[edges.length - 1] - edges[0];
  if (!(range > 0)) return 0; // a single point: both sides are that point
  const a = proportions(p);
  const b = proportions(q);
  const centre = (i: number) => (edges[i] + edges[i + 1]) / 2;
  let cdfGap = 0;
  let distance = 0;
  for (let i = 0; i < a.length - 1; i++) {
    cdfGap += a[i] - b[i];
    distance += Math.abs(cdfGap) * (centre(i + 1) - centre(i));
  }
  return distance / range;
}

/**
 * Kolmogorov–Smirnov statistic from binned data: the largest gap between the two empirical CDFs
 * at the bin edges (the only points where binned CDFs are known). A lower bound of the KS
 * statistic of the raw samples; exact when every sample value sits on an edge.
 */
export function ksFromHistograms(p: readonly number[], q: readonly number[]): number {
  sameLength(p, q);
  const a = proportions(p);
  const b = proportions(q);
  let gap = 0;
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    gap += a[i] - b[i];
    largest = Math.max(largest, Math.abs(gap));
  }
  return largest;
}

function sameLength(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length || a.length === 0) throw new Error(`distributions need the same, non-zero number of bins (${a.length} vs ${b.length})`);
}

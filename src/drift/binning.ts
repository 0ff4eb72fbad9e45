import { FieldProfile, Histogram } from './profile';

/**
 * Puts two profiles' distributions on the same bins, which every distance needs. Two producers
 * (or two runs of the profiler on data with another range) rarely pick the same edges, so both
 * histograms are re-binned onto the union of their edges, assuming values are spread evenly inside
 * a bin (the usual assumption when nothing finer is known). A zero-width bin is a point mass.
 */
export function commonEdges(a: Histogram, b: Histogram): number[] {
  const edges = [...new Set([...a.edges, ...b.edges])].sort((x, y) => x - y);
  return edges.length === 1 ? [edges[0], edges[0]] : edges;
}

export function rebin(h: Histogram, edges: readonly number[]): number[] {
  const out = new Array<number>(edges.length - 1).fill(0);
  const last = out.length - 1;
  for (let i = 0; i < h.counts.length; i++) {
    const lo = h.edges[i];
    const hi = h.edges[i + 1];
    const count = h.counts[i];
    if (count === 0) continue;
    if (hi <= lo) {
      out[binOf(lo, edges, last)] += count;
      continue;
    }
    for (let j = 0; j <= last; j++) {
      const overlap = Math.min(hi, edges[j + 1]) - Math.max(lo, edges[j]);
      if (overlap > 0) out[j] += (count * overlap) / (hi - lo);
    }
  }
  return out;
}

/** The bin holding x: bins are [lo, hi), the last one closed. */
function binOf(x: number, edges: readonly number[], last: number): number {
  let j = 0;
  while (j < last && x >= edges[j + 1]) j++;
  return j;
}

/**
 * A histogram from quantiles when a producer gave no histogram: the mass between two consecutive
 * quantiles sits evenly between their values (min and max close the ends, as q=0 and q=1).
 */
export function histogramFromQuantiles(p: FieldProfile): Histogram | null {
  if (!p.quantiles || p.min === undefined || p.max === undefined) return null;
  const points = [[0, p.min], ...Object.entries(p.quantiles).map(([q, v]) => [Number(q), v]), [1, p.max]]
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const nonNull = p.count - p.nulls;
  const edges = [points[0][1]];
  const counts: number[] = [];
  for (let i = 1; i < points.length; i++) {
    if (points[i][0] === points[i - 1][0]) continue;
    edges.push(Math.max(points[i][1], edges[edges.length - 1]));
    counts.push((points[i][0] - points[i - 1][0]) * nonNull);
  }
  return counts.length ? { edges, counts } : null;
}

/** The histogram to compare: the profile's own, or one made from its quantiles. */
export function histogramOf(p: FieldProfile): Histogram | null {
  return p.histogram ?? histogramFromQuantiles(p);
}

export const OTHER_VALUES = '(other)';
export const OTHER_FROM_ONLY = '(other, from only)';
export const OTHER_TO_ONLY = '(other, to only)';

/**
 * Two categorical profiles as counts over the union of their top values. Values outside a side's
 * top list are unknown individually, so their rows (its "rest") go to an "(other)" category. Whether
 * the two rests hold the same values is unknown too: a high-cardinality column (ids, timestamps as
 * text) lists 20 of thousands of values, and one shared "(other)" would call two versions with
 * disjoint values the same. So the rests are split by the only evidence there is, how much the
 * listed values recur on the other side: `shared` = the larger of the two shares of a side's listed
 * rows on values the other side lists too (one list inside the other: one population, shared 1).
 * That share of each rest goes to a common "(other)"; the remainder to "(other, from only)" /
 * "(other, to only)", absent from the other side. Disjoint lists (shared 0) drift strongly.
 */
export function alignTopValues(a: FieldProfile, b: FieldProfile): { labels: string[]; p: number[]; q: number[] } {
  const labels = [...new Set([...(a.topValues ?? []), ...(b.topValues ?? [])].map((t) => t.value))];
  const countsOf = (f: FieldProfile, other: FieldProfile) => {
    const byValue = new Map((f.topValues ?? []).map((t) => [t.value, t.count]));
    const counts = labels.map((l) => byValue.get(l) ?? 0);
    const listed = counts.reduce((s, c) => s + c, 0);
    const listedByOther = new Set((other.topValues ?? []).map((t) => t.value));
    const recurring = (f.topValues ?? []).reduce((s, t) => s + (listedByOther.has(t.value) ? t.count : 0), 0);
    return { counts, rest: Math.max(0, f.count - f.nulls - listed), recurs: listed > 0 ? recurring / listed : null };
  };
  const x = countsOf(a, b);
  const y = countsOf(b, a);
  // Nothing listed on a side: no evidence either way, the rests stay one category as before.
  const shared = x.recurs === null || y.recurs === null ? 1 : Math.max(x.recurs, y.recurs);
  const out = { labels: [...labels], p: [...x.counts], q: [...y.counts] };
  const bucket = (label: string, pCount: number, qCount: number) => {
    if (pCount === 0 && qCount === 0) return;
    out.labels.push(label);
    out.p.push(pCount);
    out.q.push(qCount);
  };
  bucket(OTHER_VALUES, shared * x.rest, shared * y.rest);
  bucket(OTHER_FROM_ONLY, (1 - shared) * x.rest, 0);
  bucket(OTHER_TO_ONLY, 0, (1 - shared) * y.rest);
  return out;
}

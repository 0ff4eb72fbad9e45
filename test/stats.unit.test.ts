import { alignTopValues, commonEdges, histogramFromQuantiles, rebin } from '../src/drift/binning';
import { parseFieldProfile } from '../src/drift/profile';
import { jensenShannon, ksFromHistograms, psi, wassersteinNormed } from '../src/drift/statistics';

/*
 * Reference values were computed once with numpy 2 / scipy 1.17 (Python 3.11):
 *   psi    = np.sum((a - e) * np.log(a / e)) with e, a = np.maximum(counts / counts.sum(), 1e-4)
 *   js     = scipy.spatial.distance.jensenshannon(p, q, base=2)
 *   w      = scipy.stats.wasserstein_distance(centres, centres, p, q) / (edges[-1] - edges[0])
 *   ks     = np.max(np.abs(np.cumsum(p / p.sum()) - np.cumsum(q / q.sum())))
 * NORMAL is np.diff(scipy.stats.norm.cdf(np.linspace(-4, 4.5, 18), 0, 1)) * 10000: 10,000 draws of
 * N(0, 1) binned by 0.5; N(0.5, 1) on the same edges is the same list shifted right by one bin.
 */
const NORMAL = [2.0095783720240514, 11.172689525945682, 48.597672941460395, 165.40466622403062, 440.57069320678875,
  918.48052662599, 1498.822847945298, 1914.6246127401312, 1914.6246127401312, 1498.822847945298, 918.4805266259899,
  440.57069320678875, 165.4046662240305, 48.59767294146056, 11.172689525945634, 2.009578372024201, 0.2827356870838127];
const NORMAL_EDGES = Array.from({ length: 18 }, (_, i) => -4 + i * 0.5);
const NORMAL_SHIFTED = [NORMAL[16], ...NORMAL.slice(0, 16)];

const CASES: [string, number[], number[], number[], { psi: number; js: number; w: number; ks: number }][] = [
  ['simple', [0, 1, 2, 3, 4], [10, 20, 30, 40], [20, 20, 30, 30], { psi: 0.09808292530117264, js: 0.13200673194893733, w: 0.075, ks: 0.1 }],
  ['an empty bin', [0, 1, 2, 3], [0, 50, 50], [10, 40, 50], { psi: 0.7123991075017365, js: 0.23241293654355824, w: 0.03333333333333333, ks: 0.1 }],
  ['mirrored', [0, 1, 2, 3, 4, 5], [50, 30, 10, 5, 5], [5, 5, 10, 30, 50], { psi: 2.9682063183086687, js: 0.6717076631164431, w: 0.46, ks: 0.7 }],
  ['N(0,1) vs N(0.5,1)', NORMAL_EDGES, NORMAL, NORMAL_SHIFTED, { psi: 0.2442461705899621, js: 0.20699258171864532, w: 0.05879525485149812, ks: 0.19144090132999292 }],
];

describe('distribution distances against scipy/numpy', () => {
  it.each(CASES)('%s', (_name, edges, p, q, expected) => {
    expect(psi(p, q)).toBeCloseTo(expected.psi, 10);
    expect(jensenShannon(p, q)).toBeCloseTo(expected.js, 10);
    expect(wassersteinNormed(edges, p, q)).toBeCloseTo(expected.w, 10);
    expect(ksFromHistograms(p, q)).toBeCloseTo(expected.ks, 10);
  });

  it('is 0 for the same shape at any scale, and JS is 1 for disjoint supports', () => {
    expect(psi([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 12);
    expect(jensenShannon([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 7);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(1, 12);
    expect(ksFromHistograms([1, 0], [0, 1])).toBe(1);
    expect(wassersteinNormed([0, 1, 2], [1, 0], [0, 1])).toBeCloseTo(0.5, 12); // centres 0.5 and 1.5, range 2
  });

  it('refuses distributions over different bins', () => {
    expect(() => psi([1, 2], [1, 2, 3])).toThrow(/same/);
  });
});

describe('putting two profiles on the same bins', () => {
  it('re-bins onto the union of edges, splitting a bin in proportion to its overlap', () => {
    const a = { edges: [0, 1, 2], counts: [10, 10] };
    const b = { edges: [0, 0.5, 2], counts: [6, 9] };
    const edges = commonEdges(a, b);
    expect(edges).toEqual([0, 0.5, 1, 2]);
    expect(rebin(a, edges)).toEqual([5, 5, 10]);
    expect(rebin(b, edges)).toEqual([6, 3, 6]);
  });

  it('puts a zero-width bin (a constant column) into the bin holding its value', () => {
    expect(rebin({ edges: [5, 5], counts: [7] }, [0, 5, 10])).toEqual([0, 7]);
    expect(rebin({ edges: [10, 10], counts: [3] }, [0, 5, 10])).toEqual([0, 3]);
    expect(commonEdges({ edges: [5, 5], counts: [1] }, { edges: [5, 5], counts: [2] })).toEqual([5, 5]);
  });

  it('makes a histogram from quantiles when a profile has none', () => {
    const h = histogramFromQuantiles({ count: 110, nulls: 10, min: 0, max: 10, quantiles: { '0.5': 2 } });
    expect(h).toEqual({ edges: [0, 2, 10], counts: [50, 50] });
  });

  it('aligns categorical top values, with the unlisted rest as "(other)"', () => {
    const a = { count: 100, nulls: 0, topValues: [{ value: 'a', count: 50 }, { value: 'b', count: 30 }, { value: 'c', count: 20 }] };
    const b = { count: 110, nulls: 10, topValues: [{ value: 'a', count: 30 }, { value: 'b', count: 30 }] };
    expect(alignTopValues(a, b)).toEqual({ labels: ['a', 'b', 'c', '(other)'], p: [50, 30, 20, 0], q: [30, 30, 0, 40] });
    // scipy/numpy as above, on p = [50, 30, 20, 0] and q = [30, 30, 0, 40]
    const { p, q } = alignTopValues(a, b);
    expect(psi(p, q)).toBeCloseTo(4.938375977492461, 10);
    expect(jensenShannon(p, q)).toBeCloseTo(0.5641155899547663, 10);
  });
});

describe('categorical profiles of high-cardinality columns (top values and an unlisted rest)', () => {
  // 1,000 distinct values per version (timestamps as text, say), each seen once: the top-20 lists show 20 of them.
  const unique = (prefix: string) => ({
    count: 1000, nulls: 0, distinct: 1000, topValues: Array.from({ length: 20 }, (_, i) => ({ value: `${prefix}-${String(i).padStart(3, '0')}`, count: 1 })),
  });

  it('drifts strongly when the listed values are disjoint: the unlisted rest of each side counts as its own', () => {
    const { labels, p, q } = alignTopValues(unique('2026-01'), unique('2026-02'));
    expect(labels.slice(-2)).toEqual(['(other, from only)', '(other, to only)']);
    expect(p.slice(-2)).toEqual([980, 0]);
    expect(q.slice(-2)).toEqual([0, 980]);
    expect(psi(p, q)).toBeGreaterThanOrEqual(0.2);
    expect(jensenShannon(p, q)).toBeGreaterThan(0.9);
  });

  it('keeps one shared "(other)" when one list holds the other (the same population)', () => {
    const a = unique('x');
    expect(alignTopValues(a, { ...a, count: 1200 })).toEqual({
      labels: [...a.topValues.map((t) => t.value), '(other)'], p: [...new Array(20).fill(1), 980], q: [...new Array(20).fill(1), 1180],
    });
  });

  it('splits the rest by how much of the listed mass the other side lists too', () => {
    const a = { count: 100, nulls: 0, topValues: [{ value: 'x', count: 40 }, { value: 'y', count: 30 }, { value: 'z', count: 10 }] };
    const b = { count: 100, nulls: 0, topValues: [{ value: 'x', count: 38 }, { value: 'y', count: 31 }, { value: 'w', count: 11 }] };
    // a lists 80 rows, 70 of them on values b lists: 7/8 of each rest is shared (b: 69/80, the smaller)
    expect(alignTopValues(a, b)).toEqual({
      labels: ['x', 'y', 'z', 'w', '(other)', '(other, from only)', '(other, to only)'],
      p: [40, 30, 10, 0, 17.5, 2.5, 0], q: [38, 31, 0, 11, 17.5, 0, 2.5],
    });
  });
});

describe('the profile shape', () => {
  it('accepts a full numeric and a categorical profile', () => {
    const numeric = { count: 10, nulls: 1, distinct: 9, min: 0, max: 9, mean: 4.5, std: 3, quantiles: { '0.5': 4.5 }, histogram: { edges: [0, 5, 9], counts: [5, 4] } };
    expect(parseFieldProfile(numeric, 'p')).toBe(numeric);
    expect(parseFieldProfile({ count: 3, nulls: 0, topValues: [{ value: 'x', count: 3 }] }, 'p')).toBeTruthy();
  });

  it.each([
    [{ nulls: 0 }, /count must be a non-negative integer/],
    [{ count: 1, nulls: 2 }, /nulls must not exceed count/],
    [{ count: 1, nulls: 0, min: 3, max: 1 }, /min must not exceed max/],
    [{ count: 1, nulls: 0, quantiles: { '1.5': 1 } }, /not a probability/],
    [{ count: 1, nulls: 0, histogram: { edges: [0, 1], counts: [1, 2] } }, /one more edge than counts/],
    [{ count: 1, nulls: 0, histogram: { edges: [2, 1], counts: [1] } }, /must not decrease/],
    [{ count: 1, nulls: 0, topValues: [{ value: 1, count: 1 }] }, /topValues\[0\]\.value must be a string/],
    [[], /must be an object/],
  ])('rejects %j with a coded error', (profile, message) => {
    expect(() => parseFieldProfile(profile, 'input.fields[0].profile')).toThrow(message);
    try { parseFieldProfile(profile, 'f'); } catch (e) { expect((e as { extensions: unknown }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'f' }); }
  });
});

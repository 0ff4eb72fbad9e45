import { percentile } from '../common/percentile';
import { FieldProfile } from './profile';
import { Value } from './records';
import { epochSeconds, TIMESTAMP_UNIT } from './timestamps';

/**
 * Everything one pass over a column learns in bounded memory: null and value counts, running
 * mean/variance (Welford), min/max, value frequencies (exact up to `maxTracked` distinct values)
 * and a reservoir sample for quantiles (exact while the column has at most `sampleSize` numbers).
 * A second pass (`addToHistogram`) counts values into bins once min and max are known, so the
 * histogram is exact. The sample's random choice is seeded: the same file gives the same profile,
 * hence the same content hash, and registering it again stays a no-op.
 * A column whose values are all ISO-8601 timestamps (as text) is numeric too, in epoch seconds
 * (timestamps.ts), with type 'timestamp' and `unit: 'epoch-seconds'` on its profile.
 */
export interface ProfilerLimits { histogramBins: number; topValues: number; maxTracked: number; sampleSize: number }
export const DEFAULT_LIMITS: ProfilerLimits = { histogramBins: 20, topValues: 20, maxTracked: 10_000, sampleSize: 100_000 };
export const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

export class FieldAccumulator {
  private nonNull = 0;
  private allNumbers = true;
  private allTimestamps = true;
  private allIntegers = true;
  private allBooleans = true;
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly frequencies = new Map<string, number>();
  private untracked = false;
  private readonly sample: number[] = [];
  private random = 0x9e3779b9;
  private bins: number[] | null = null;
  private edges: number[] = [];

  constructor(readonly name: string, private readonly limits: ProfilerLimits = DEFAULT_LIMITS) {}

  add(value: Value): void {
    if (value === null) return;
    this.nonNull++;
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    const seen = this.frequencies.get(key);
    if (seen !== undefined) this.frequencies.set(key, seen + 1);
    else if (this.frequencies.size < this.limits.maxTracked) this.frequencies.set(key, 1);
    else this.untracked = true;
    if (typeof value !== 'boolean') this.allBooleans = false;
    if (typeof value !== 'number') this.allNumbers = false;
    const x = this.numberOf(value);
    if (x === null) return;
    if (!Number.isInteger(x)) this.allIntegers = false;
    this.n++;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
    this.min = Math.min(this.min, x);
    this.max = Math.max(this.max, x);
    if (this.sample.length < this.limits.sampleSize) this.sample.push(x);
    else {
      const j = Math.floor(this.nextRandom() * this.n); // Algorithm R
      if (j < this.limits.sampleSize) this.sample[j] = x;
    }
  }

  /** The value as a number while the column can still be numeric: a number, or a timestamp's epoch seconds. */
  private numberOf(value: Value): number | null {
    if (this.allTimestamps) {
      const seconds = typeof value === 'string' ? epochSeconds(value) : null;
      if (seconds !== null) return seconds;
      this.allTimestamps = false;
    }
    return this.allNumbers && typeof value === 'number' ? value : null;
  }

  get timestamps(): boolean { return this.allTimestamps && !this.allNumbers && this.n > 0; }

  get numeric(): boolean { return (this.allNumbers || this.timestamps) && this.n > 0; }

  get type(): string {
    if (this.nonNull === 0) return 'null';
    if (this.timestamps) return 'timestamp';
    if (this.numeric) return this.allIntegers ? 'integer' : 'double';
    return this.allBooleans ? 'boolean' : 'string';
  }

  /** Second pass: fixes equal-width bins over [min, max] on first call, then counts x in. */
  addToHistogram(value: Value): void {
    if (!this.numeric) return;
    if (!this.bins) {
      const k = this.max > this.min ? this.limits.histogramBins : 1;
      this.edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? this.max : this.min + ((this.max - this.min) * i) / k));
      this.bins = new Array<number>(k).fill(0);
    }
    const x = typeof value === 'number' ? value : typeof value === 'string' ? epochSeconds(value) : null;
    if (x === null) return;
    const k = this.bins.length;
    const i = this.max > this.min ? Math.min(k - 1, Math.floor(((x - this.min) / (this.max - this.min)) * k)) : 0;
    this.bins[i]++;
  }

  profile(rows: number): FieldProfile {
    const p: FieldProfile = { count: rows, nulls: rows - this.nonNull, distinct: this.frequencies.size };
    if (this.untracked) p.distinctIsLowerBound = true;
    if (this.numeric) {
      const sorted = Float64Array.from(this.sample).sort();
      Object.assign(p, {
        min: this.min, max: this.max, mean: this.mean, std: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0,
        quantiles: Object.fromEntries(QUANTILES.map((q) => [String(q), percentile(sorted, q)])),
      });
      if (this.bins) p.histogram = { edges: this.edges, counts: this.bins };
      if (this.timestamps) p.unit = TIMESTAMP_UNIT;
    } else if (this.nonNull > 0) {
      p.topValues = [...this.frequencies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, this.limits.topValues).map(([value, count]) => ({ value, count }));
    }
    return p;
  }

  private nextRandom(): number { // mulberry32: small, seeded, good enough for sampling
    let t = (this.random = (this.random + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

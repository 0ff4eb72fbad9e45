import { BadInputError } from '../common/errors';

/**
 * The shape of a column profile, kept as JSON on Field.profile (the dataset module stores it
 * as given). One shape for numbers and categories so a diff can read any producer's profile:
 * numbers carry min/max/mean/std, quantiles and a histogram; categories carry their top values.
 * Quantiles are keyed by probability as text ("0.5" for the median) so the JSON reads naturally.
 */
export interface Histogram { edges: number[]; counts: number[] }
export interface TopValue { value: string; count: number }

export interface FieldProfile {
  /** Rows seen, nulls included. */
  count: number;
  nulls: number;
  distinct?: number;
  /** True when `distinct` is a lower bound (the profiler stops tracking new values past a cap). */
  distinctIsLowerBound?: boolean;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  quantiles?: Record<string, number>;
  histogram?: Histogram;
  topValues?: TopValue[];
}

/** Numeric when it has a histogram or quantiles to compare; categorical when it has top values. */
export function profileKind(p: FieldProfile): 'NUMERIC' | 'CATEGORICAL' | null {
  if (p.histogram || (p.quantiles && p.min !== undefined && p.max !== undefined)) return 'NUMERIC';
  if (p.topValues) return 'CATEGORICAL';
  return null;
}

/** Checks a profile given as JSON and returns it typed; errors name the offending path. */
export function parseFieldProfile(value: unknown, path: string): FieldProfile {
  const fail = (what: string, msg: string): never => { throw new BadInputError(`${path}.${what} ${msg}`, path); };
  if (!isObject(value)) throw new BadInputError(`${path} must be an object.`, path);
  const count = (key: string, v: unknown = value[key]) => {
    if (!Number.isInteger(v) || (v as number) < 0) fail(key, 'must be a non-negative integer.');
    return v as number;
  };
  const finite = (key: string, v: unknown = value[key]) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(key, 'must be a finite number.');
  };
  count('count');
  count('nulls');
  if ((value.nulls as number) > (value.count as number)) fail('nulls', 'must not exceed count.');
  if (value.distinct !== undefined) count('distinct');
  for (const key of ['min', 'max', 'mean', 'std']) finite(key);
  if (value.min !== undefined && value.max !== undefined && (value.min as number) > (value.max as number)) fail('min', 'must not exceed max.');
  if (value.quantiles !== undefined) {
    if (!isObject(value.quantiles)) fail('quantiles', 'must be an object of probability → value.');
    for (const [q, v] of Object.entries(value.quantiles as object)) {
      const p = Number(q);
      if (!(p >= 0 && p <= 1)) fail('quantiles', `has key '${q}', not a probability in [0, 1].`);
      finite(`quantiles.${q}`, v);
    }
  }
  if (value.histogram !== undefined) checkHistogram(value.histogram, fail);
  if (value.topValues !== undefined) {
    if (!Array.isArray(value.topValues)) fail('topValues', 'must be a list of {value, count}.');
    (value.topValues as unknown[]).forEach((t, i) => {
      if (!isObject(t) || typeof t.value !== 'string') fail(`topValues[${i}].value`, 'must be a string.');
      count(`topValues[${i}].count`, (t as Record<string, unknown>).count);
    });
  }
  // Every property FieldProfile declares was checked above; the compiler cannot follow those checks.
  return value as unknown as FieldProfile;
}

function checkHistogram(h: unknown, fail: (what: string, msg: string) => never): void {
  if (!isObject(h) || !Array.isArray(h.edges) || !Array.isArray(h.counts)) fail('histogram', 'must be {edges: [number], counts: [number]}.');
  const { edges, counts } = h as { edges: unknown[]; counts: unknown[] };
  if (counts.length < 1 || edges.length !== counts.length + 1) fail('histogram', 'must have one more edge than counts, and at least one bin.');
  edges.forEach((e, i) => {
    if (typeof e !== 'number' || !Number.isFinite(e)) fail(`histogram.edges[${i}]`, 'must be a finite number.');
    if (i > 0 && (e as number) < (edges[i - 1] as number)) fail('histogram.edges', 'must not decrease.');
  });
  counts.forEach((c, i) => {
    if (typeof c !== 'number' || !(c >= 0)) fail(`histogram.counts[${i}]`, 'must be a non-negative number.');
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

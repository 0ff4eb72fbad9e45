import { BadInputError } from '../common/errors';
import { checkProfileShape } from './profile-schema';

/** How a column's distribution is profiled: a histogram and quantiles, or top values. */
export const DistributionKind = { NUMERIC: 'NUMERIC', CATEGORICAL: 'CATEGORICAL' } as const;
export type DistributionKind = (typeof DistributionKind)[keyof typeof DistributionKind];

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
  /** What the numbers are when not plain numbers: 'epoch-seconds' for a timestamp column (UTC). */
  unit?: string;
}

/** Numeric when it has a histogram or quantiles to compare; categorical when it has top values. */
export function profileKind(p: FieldProfile): DistributionKind | null {
  if (p.histogram || (p.quantiles && p.min !== undefined && p.max !== undefined)) return 'NUMERIC';
  if (p.topValues) return 'CATEGORICAL';
  return null;
}

/**
 * Checks a profile given as JSON and returns it typed; errors name the offending path. The shape
 * is the JSON Schema in profile-schema.ts; what follows are the rules between its values.
 */
export function parseFieldProfile(value: unknown, path: string): FieldProfile {
  checkProfileShape(value, path);
  const p = value as FieldProfile;
  const fail = (what: string, msg: string): never => { throw new BadInputError(`${path}.${what} ${msg}`, path); };
  if (p.nulls > p.count) fail('nulls', 'must not exceed count.');
  if (p.min !== undefined && p.max !== undefined && p.min > p.max) fail('min', 'must not exceed max.');
  for (const q of Object.keys(p.quantiles ?? {})) {
    const probability = Number(q);
    if (!(probability >= 0 && probability <= 1)) fail('quantiles', `has key '${q}', not a probability in [0, 1].`);
  }
  if (p.histogram) {
    const { edges, counts } = p.histogram;
    if (counts.length < 1 || edges.length !== counts.length + 1) fail('histogram', 'must have one more edge than counts, and at least one bin.');
    if (edges.some((e, i) => i > 0 && e < edges[i - 1])) fail('histogram.edges', 'must not decrease.');
  }
  return p;
}

import { BadInputError } from '../common/errors';

/** Bounds on every traversal (depth, paths per node, result size, time); env overrides in index.ts. */
export interface TraversalLimits {
  defaultDepth: number;
  maxDepth: number;
  defaultPaths: number;
  maxPaths: number;
  maxNodes: number;
  timeoutMs: number;
}

export const DEFAULT_TRAVERSAL_LIMITS: TraversalLimits = {
  defaultDepth: 10, maxDepth: 20, defaultPaths: 10, maxPaths: 100, maxNodes: 5000, timeoutMs: 10_000,
};

export function checkRange(value: number | undefined, fallback: number, max: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BadInputError(`${field} must be between 1 and ${max}.`, field);
  return n;
}

import { LossKind, MIN_PROBABILITY } from './losses';
import { minimizeOnSimplex, SimplexObjective } from './simplex';

/**
 * WINDOWED: the weights on the simplex that minimize the ensemble's loss over the last N
 * outcomes. What one outcome contributes (a row of the window) depends on the loss:
 * - ZERO_ONE: each member's 0-1 loss. The ensemble's own 0-1 loss (its mixture's top class) is a
 *   step function of the weights, with no useful gradient; its convex stand-in is the weighted
 *   members' error Σ w_i·loss_i, whose minimum puts the weight on the members with fewest errors.
 * - LOG_LOSS: each member's probability of the true class q_i; the loss is −ln(Σ w_i·q_i).
 * - SQUARED / ABSOLUTE: the members' predicted values and, last, the true value; the loss is
 *   (Σ w_i·ŷ_i − y)² or |Σ w_i·ŷ_i − y|.
 * All four are convex in the weights, so projected gradient descent finds the minimum.
 */
export function windowObjective(loss: LossKind, rows: readonly (readonly number[])[], members: number): SimplexObjective {
  const n = rows.length || 1;
  switch (loss) {
    case 'ZERO_ONE': {
      const mean = new Array<number>(members).fill(0);
      for (const r of rows) for (let i = 0; i < members; i++) mean[i] += r[i] / n;
      return { value: (w) => dot(w, mean), gradient: () => mean };
    }
    case 'LOG_LOSS':
      return {
        value: (w) => rows.reduce((s, q) => s - Math.log(Math.max(dot(w, q), MIN_PROBABILITY)), 0) / n,
        gradient: (w) => accumulate(rows, members, (q) => -1 / (n * Math.max(dot(w, q), MIN_PROBABILITY))),
      };
    case 'SQUARED':
      return {
        value: (w) => rows.reduce((s, r) => s + (dot(w, r) - r[members]) ** 2, 0) / n,
        gradient: (w) => accumulate(rows, members, (r) => (2 * (dot(w, r) - r[members])) / n),
      };
    case 'ABSOLUTE':
      return {
        value: (w) => rows.reduce((s, r) => s + Math.abs(dot(w, r) - r[members]), 0) / n,
        gradient: (w) => accumulate(rows, members, (r) => Math.sign(dot(w, r) - r[members]) / n),
      };
  }
}

/** The refit: the minimizer over the window, starting from the current weights. */
export function fitWindow(loss: LossKind, rows: readonly (readonly number[])[], current: readonly number[]): number[] {
  if (rows.length === 0) return [...current];
  return minimizeOnSimplex(windowObjective(loss, rows, current.length), current);
}

/** Σ_t factor(row_t) · row_t[i] for each member i: the gradient of a loss of w·row_t. */
function accumulate(rows: readonly (readonly number[])[], members: number, factor: (r: readonly number[]) => number): number[] {
  const g = new Array<number>(members).fill(0);
  for (const r of rows) {
    const k = factor(r);
    for (let i = 0; i < members; i++) g[i] += k * r[i];
  }
  return g;
}

/** The weighted sum of a row's first w.length entries (a row may carry the true value after them). */
function dot(w: readonly number[], row: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * row[i];
  return s;
}

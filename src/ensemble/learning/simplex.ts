/**
 * Minimizing a convex function over the probability simplex {w : w_i ≥ 0, Σ w_i = 1}: projected
 * gradient descent with a backtracking step (Armijo), keeping the best point seen (the absolute
 * loss is not smooth, where plain descent may stall at a kink). Pure; used by windowed.ts.
 */

/** The Euclidean projection of v onto the simplex (Duchi et al., 2008: sort, find the threshold, clip). */
export function projectToSimplex(v: readonly number[]): number[] {
  const u = [...v].sort((a, b) => b - a);
  let cumulative = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    cumulative += u[i];
    const t = (cumulative - 1) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  return v.map((x) => Math.max(x - theta, 0));
}

export interface SimplexObjective {
  value(w: readonly number[]): number;
  gradient(w: readonly number[]): number[];
}

/** The minimizer found within `iterations` steps, starting from `start` (a point of the simplex). */
export function minimizeOnSimplex(f: SimplexObjective, start: readonly number[], iterations = 60): number[] {
  let w = [...start];
  let fw = f.value(w);
  let best = w;
  let bestValue = fw;
  let step = 1;
  for (let k = 0; k < iterations; k++) {
    const g = f.gradient(w);
    const scale = Math.max(...g.map(Math.abs));
    if (!(scale > 0)) break; // flat: every point is optimal
    let moved = false;
    // Backtracking: halve the step until the value decreases enough (at most 30 halvings).
    for (let tries = 0; tries < 30; tries++) {
      const candidate = projectToSimplex(w.map((x, i) => x - (step / scale) * g[i]));
      const fc = f.value(candidate);
      const decrease = g.reduce((s, gi, i) => s + gi * (w[i] - candidate[i]), 0);
      if (fc <= fw - 1e-4 * decrease && decrease > 0) {
        w = candidate; fw = fc; moved = true;
        step = Math.min(step * 2, 1e6);
        break;
      }
      step /= 2;
    }
    if (fw < bestValue) { best = w; bestValue = fw; }
    if (!moved) break;
  }
  return best;
}

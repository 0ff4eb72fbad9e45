/**
 * The HEDGE update (exponentially weighted average forecaster):
 * w_i ← w_i · exp(−η · loss_i), normalized, then mixed with the uniform weights so that every
 * weight stays at least `floor` ("fixed share"): a member that was bad for a long time can win
 * back its weight within about ln(1/floor) / (η · its advantage) outcomes, not as many outcomes
 * as it was bad for.
 */
export function hedgeUpdate(weights: readonly number[], losses: readonly number[], eta: number, floor: number): number[] {
  // Subtracting the smallest loss changes nothing after normalization, and keeps the best member's factor at 1, so the sum never underflows to 0.
  const least = Math.min(...losses);
  const raised = weights.map((w, i) => w * Math.exp(-eta * (losses[i] - least)));
  const total = raised.reduce((s, w) => s + w, 0);
  return withFloor(raised.map((w) => w / total), floor);
}

/**
 * (1 − n·f)·w + f: every weight ≥ f, the sum still 1. The floor is capped at 1/n (then the weights
 * are uniform), so a large floor with many members still gives weights that sum to 1.
 */
export function withFloor(weights: readonly number[], floor: number): number[] {
  const f = Math.min(floor, 1 / weights.length);
  const keep = 1 - weights.length * f;
  return weights.map((w) => keep * w + f);
}

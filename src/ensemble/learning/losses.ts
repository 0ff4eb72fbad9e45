/**
 * Losses of one prediction against its label, and how an ensemble combines its members'
 * predictions. Pure functions: the online strategies (hedge.ts, windowed.ts) and the learner
 * (learner.ts) build on them, and test/ensemble-learning.unit.test.ts checks them without Neo4j.
 */
export type LossKind = 'ZERO_ONE' | 'LOG_LOSS' | 'SQUARED' | 'ABSOLUTE';

/** Class probabilities by class name (classification), or a predicted value (regression). */
export type Probabilities = Record<string, number>;
export type Prediction = Probabilities | number;

/** Log loss is capped: a member that gave the true class probability 0 loses -ln(1e-15) ≈ 34.5, not infinity. */
export const MIN_PROBABILITY = 1e-15;

export function isClassification(loss: LossKind): boolean {
  return loss === 'ZERO_ONE' || loss === 'LOG_LOSS';
}

/** The class with the highest probability; ties go to the class name that sorts first, so the answer is deterministic. */
export function predictedClass(p: Probabilities): string {
  let best = '';
  let bestP = -Infinity;
  for (const c in p) {
    const v = p[c];
    if (v > bestP || (v === bestP && c < best)) { best = c; bestP = v; }
  }
  return best;
}

/** The probability a prediction gave the true class (0 when it did not name the class). */
export function probabilityOf(p: Probabilities, label: string): number {
  return p[label] ?? 0;
}

/** The loss of one prediction: classification losses take probabilities and a class, regression ones a value and a number. */
export function lossOf(loss: LossKind, prediction: Prediction, label: string | number): number {
  switch (loss) {
    case 'ZERO_ONE': return predictedClass(prediction as Probabilities) === label ? 0 : 1;
    case 'LOG_LOSS': return -Math.log(Math.max(probabilityOf(prediction as Probabilities, label as string), MIN_PROBABILITY));
    case 'SQUARED': return ((prediction as number) - (label as number)) ** 2;
    case 'ABSOLUTE': return Math.abs((prediction as number) - (label as number));
  }
}

/** The ensemble's prediction: the weighted mixture of its members' class probabilities, or the weighted mean of their values. */
export function combine(weights: readonly number[], predictions: readonly Prediction[]): Prediction {
  if (typeof predictions[0] === 'number') {
    let y = 0;
    for (let i = 0; i < weights.length; i++) y += weights[i] * (predictions[i] as number);
    return y;
  }
  const mixed: Probabilities = {};
  for (let i = 0; i < weights.length; i++) {
    const p = predictions[i] as Probabilities;
    for (const c in p) mixed[c] = (mixed[c] ?? 0) + weights[i] * p[c];
  }
  return mixed;
}

import { BadInputError } from '../common/errors';
import { requireFinite } from '../common/validate';
import { StrategySettings } from './learning/learner';
import { EnsembleStrategy, EnsembleStrategyInput, OutcomeLoss, STRATEGY_DEFAULTS } from './strategy.types';

/** What an Ensemble node stores of its strategy (cypher/ensemble/set-strategy.cypher); absent on ensembles made before strategies. */
export interface StoredStrategy {
  strategy?: string; loss?: string; eta?: number; weightFloor?: number; window?: number; refitEvery?: number;
}

/** The settings as stored, with every parameter present. */
export interface EnsembleStrategySettings {
  strategy: EnsembleStrategy; loss: OutcomeLoss | null; eta: number; weightFloor: number; window: number; refitEvery: number;
}

/** Validates a strategy input; `field` prefixes the error fields ('strategy' or 'input.strategy'). */
export function checkStrategy(input: EnsembleStrategyInput, field: string): EnsembleStrategySettings {
  const loss = input.loss ?? null;
  if (input.strategy !== EnsembleStrategy.STATIC && loss === null) {
    throw new BadInputError(`${field}.loss is required for ${input.strategy}.`, `${field}.loss`);
  }
  const eta = requireFinite(input.eta ?? STRATEGY_DEFAULTS.eta, `${field}.eta`, 0, 100);
  if (eta <= 0) throw new BadInputError(`${field}.eta must be > 0.`, `${field}.eta`);
  const weightFloor = requireFinite(input.weightFloor ?? STRATEGY_DEFAULTS.weightFloor, `${field}.weightFloor`, 0, 0.5);
  // A weight of 0 would break the membership rule (weights > 0) and a member could never come back.
  if (weightFloor <= 0) throw new BadInputError(`${field}.weightFloor must be > 0.`, `${field}.weightFloor`);
  const window = count(input.window ?? STRATEGY_DEFAULTS.window, `${field}.window`);
  const refitEvery = count(input.refitEvery ?? STRATEGY_DEFAULTS.refitEvery, `${field}.refitEvery`);
  return { strategy: input.strategy, loss, eta, weightFloor, window, refitEvery };
}

/** The stored settings with defaults for what is absent (STATIC, no loss). */
export function storedStrategy(p: StoredStrategy): EnsembleStrategySettings {
  return {
    strategy: (p.strategy as EnsembleStrategy | undefined) ?? EnsembleStrategy.STATIC,
    loss: (p.loss as OutcomeLoss | undefined) ?? null,
    eta: p.eta ?? STRATEGY_DEFAULTS.eta,
    weightFloor: p.weightFloor ?? STRATEGY_DEFAULTS.weightFloor,
    window: p.window ?? STRATEGY_DEFAULTS.window,
    refitEvery: p.refitEvery ?? STRATEGY_DEFAULTS.refitEvery,
  };
}

/** The learner's view of the settings; only an ensemble with a loss can learn from outcomes. */
export function learnerSettings(s: EnsembleStrategySettings, ensemble: string): StrategySettings {
  if (s.loss === null) {
    throw new BadInputError(`Ensemble '${ensemble}' has no loss to score outcomes with: set one with setEnsembleStrategy.`, 'ensemble');
  }
  return { ...s, loss: s.loss };
}

function count(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 100_000) throw new BadInputError(`${field} must be an integer from 1 to 100,000.`, field);
  return value;
}

import { hedgeUpdate, withFloor } from './hedge';
import { combine, isClassification, lossOf, LossKind, predictedClass, Prediction, Probabilities } from './losses';
import { Ring } from './ring';
import { fitWindow } from './windowed';

export type StrategyKind = 'STATIC' | 'HEDGE' | 'WINDOWED';

/** An ensemble's strategy, as stored on it. */
export interface StrategySettings {
  strategy: StrategyKind;
  loss: LossKind;
  eta: number;
  weightFloor: number;
  window: number;
  refitEvery: number;
}

/** Service-wide settings (src/config.ts). */
export interface LearnerOptions {
  /** The least world time between two recorded weight changes. */
  weightIntervalMs: number;
  /** Rolling loss/accuracy become a metric point at most once per this much outcome time per series and batch. */
  metricIntervalMs: number;
  /** How many recent outcomes the rolling loss and accuracy average. */
  rolling: number;
}

/** One outcome, its predictions in the order of the learner's members; `at` in epoch ms. */
export interface Outcome { at: number; label: string | number; predictions: Prediction[] }

/** What is persisted between batches (JSON), so that a restart, or another instance, resumes. */
export interface LearnerState {
  /** Model version ids, in the order of every list below. */
  members: string[];
  /** The weights now (they serve the next outcome). */
  weights: number[];
  /** The weights of the open MEMBER edges (last recorded). */
  recorded: number[];
  /** World time (epoch ms) of the latest membership change, by anyone. */
  lastChangeAt: number;
  outcomes: number;
  sinceRefit: number;
  /** WINDOWED: the last N outcomes' rows (see windowed.ts), oldest first. */
  window: number[][];
  /** Per member, then the ensemble: recent losses and (classification) 1/0 for a correct top class. */
  rollingLoss: number[][];
  rollingCorrect: number[][];
}

/** `outcomes`: how many the learner had seen when it made the change. */
export interface WeightChange { at: number; weights: number[]; outcomes: number }
/** `series` is a member's index, or members.length for the ensemble itself. */
export interface RollingPoint { at: number; series: number; loss: number; accuracy: number | null }

/** Weights closer than this to the recorded ones are not a change worth recording. */
const SAME_WEIGHT = 1e-6;

/**
 * One ensemble's online learning: for each outcome in time order, the ensemble predicts with the
 * weights it has (that is what served), every loss is scored, the rolling windows move, and the
 * strategy updates the weights. A weight change is returned for recording when outcome time has
 * moved at least `weightIntervalMs` past the latest recorded change.
 */
export class Learner {
  private readonly losses: Ring[];
  private readonly corrects: Ring[];

  constructor(readonly settings: StrategySettings, private readonly options: LearnerOptions, private readonly state: LearnerState) {
    this.losses = state.rollingLoss.map((l) => new Ring(options.rolling, l));
    this.corrects = state.rollingCorrect.map((l) => new Ring(options.rolling, l));
  }

  /** A learner starting from the recorded membership. */
  static fresh(settings: StrategySettings, options: LearnerOptions, members: string[], weights: number[], lastChangeAt: number): Learner {
    const empty = () => Array.from({ length: members.length + 1 }, () => [] as number[]);
    return new Learner(settings, options, {
      members, weights: [...weights], recorded: [...weights], lastChangeAt, outcomes: 0, sinceRefit: 0, window: [],
      rollingLoss: empty(), rollingCorrect: empty(),
    });
  }

  get members(): readonly string[] { return this.state.members; }
  get weights(): readonly number[] { return this.state.weights; }
  get outcomes(): number { return this.state.outcomes; }

  /** Learns from outcomes sorted by time; returns the weight changes to record and the metric points. */
  learn(outcomes: readonly Outcome[]): { changes: WeightChange[]; points: RollingPoint[] } {
    const changes: WeightChange[] = [];
    const points: RollingPoint[] = [];
    const n = this.state.members.length;
    const classification = isClassification(this.settings.loss);
    const interval = this.options.metricIntervalMs;
    for (let k = 0; k < outcomes.length; k++) {
      const o = outcomes[k];
      const memberLosses = o.predictions.map((p) => lossOf(this.settings.loss, p, o.label));
      const mixed = combine(this.state.weights, o.predictions);
      this.score(n, lossOf(this.settings.loss, mixed, o.label), classification ? predictedClass(mixed as Probabilities) === o.label : null);
      for (let i = 0; i < n; i++) {
        this.score(i, memberLosses[i], classification ? predictedClass(o.predictions[i] as Probabilities) === o.label : null);
      }
      this.update(o, memberLosses);
      this.state.outcomes++;
      const change = this.recordable(o.at);
      if (change) changes.push(change);
      const next = outcomes[k + 1];
      if (!next || Math.floor(next.at / interval) !== Math.floor(o.at / interval)) {
        for (let s = 0; s <= n; s++) {
          points.push({ at: o.at, series: s, loss: this.losses[s].mean(), accuracy: classification ? this.corrects[s].mean() : null });
        }
      }
    }
    return { changes, points };
  }

  toState(): LearnerState {
    return { ...this.state, rollingLoss: this.losses.map((r) => r.toArray()), rollingCorrect: this.corrects.map((r) => r.toArray()) };
  }

  private score(series: number, loss: number, correct: boolean | null): void {
    this.losses[series].push(loss);
    if (correct !== null) this.corrects[series].push(correct ? 1 : 0);
  }

  private update(o: Outcome, memberLosses: number[]): void {
    const s = this.settings;
    if (s.strategy === 'HEDGE') {
      this.state.weights = hedgeUpdate(this.state.weights, memberLosses, s.eta, s.weightFloor);
    } else if (s.strategy === 'WINDOWED') {
      this.state.window.push(windowRow(s.loss, o, memberLosses));
      if (this.state.window.length > s.window) this.state.window.shift();
      if (++this.state.sinceRefit >= s.refitEvery) {
        this.state.sinceRefit = 0;
        this.state.weights = withFloor(fitWindow(s.loss, this.state.window, this.state.weights), s.weightFloor);
      }
    }
  }

  private recordable(at: number): WeightChange | undefined {
    const { weights, recorded, lastChangeAt } = this.state;
    if (!(at > lastChangeAt && at - lastChangeAt >= this.options.weightIntervalMs)) return undefined;
    if (weights.every((w, i) => Math.abs(w - recorded[i]) <= SAME_WEIGHT)) return undefined;
    this.state.recorded = [...weights];
    this.state.lastChangeAt = at;
    return { at, weights: [...weights], outcomes: this.state.outcomes };
  }
}

/** What one outcome adds to the WINDOWED window, per loss (windowed.ts says why). */
function windowRow(loss: LossKind, o: Outcome, memberLosses: number[]): number[] {
  switch (loss) {
    case 'ZERO_ONE': return memberLosses;
    case 'LOG_LOSS': return o.predictions.map((p) => (p as Probabilities)[o.label as string] ?? 0);
    default: return [...(o.predictions as number[]), o.label as number];
  }
}

import { BadInputError } from '../../common/errors';
import { isClassification, LossKind, Prediction, Probabilities } from '../learning/losses';
import { Outcome } from '../learning/learner';

/** Most outcomes one call may carry (a batch is one transaction). */
export const MAX_OUTCOMES_PER_CALL = 100_000;
/** How far a member's class probabilities may sum from 1 (rounded scores) before they are refused; within it they are normalized. */
const PROBABILITY_SUM_TOLERANCE = 0.01;

/** An outcome as sent (JSON, or GraphQL's input turned into this shape): predictions keyed by member. */
export interface RawOutcome { timestamp?: unknown; predictions?: unknown; label?: unknown }

/** The members predictions may name: each by its model version id or its label "model@version". */
export interface MemberKeys { count: number; index: Map<string, number> }

export function memberKeys(members: readonly { id: string; model: string; version: string }[]): MemberKeys {
  const index = new Map<string, number>();
  members.forEach((m, i) => { index.set(m.id, i); index.set(`${m.model}@${m.version}`, i); });
  return { count: members.length, index };
}

/**
 * Validates every outcome first (a bad one fails the whole batch: nothing is written) and returns
 * them sorted by time (stable: outcomes of one instant keep their order), predictions in member
 * order. Rules: `timestamp` an ISO 8601 date-time (or a Date), not in the future; `predictions`
 * one entry per current member; for ZERO_ONE and LOG_LOSS each prediction is class
 * probabilities ({class: p}, summing to 1 within 0.01, normalized) or one number p, the
 * probability of class "1" against "0", and `label` a class (a string, or a number taken as its
 * decimal string); for SQUARED and ABSOLUTE predictions and `label` are finite numbers.
 */
export function parseOutcomes(input: unknown, loss: LossKind, members: MemberKeys, now = Date.now()): Outcome[] {
  if (!Array.isArray(input)) throw new BadInputError('outcomes must be a list of outcomes.', 'outcomes');
  if (input.length === 0) throw new BadInputError('outcomes must not be empty.', 'outcomes');
  if (input.length > MAX_OUTCOMES_PER_CALL) throw new BadInputError(`At most ${MAX_OUTCOMES_PER_CALL} outcomes per call.`, 'outcomes');
  const classification = isClassification(loss);
  const out = new Array<Outcome>(input.length);
  let sorted = true;
  for (let i = 0; i < input.length; i++) {
    const o = input[i] as RawOutcome;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) fail(i, '', 'must be an object { timestamp, predictions, label }');
    const at = timeOf(o.timestamp);
    if (!Number.isFinite(at)) fail(i, '.timestamp', 'must be an ISO 8601 date-time');
    if (at > now) fail(i, '.timestamp', 'must not be in the future');
    const label = classification ? classLabel(o.label, i) : finite(o.label, i, '.label');
    out[i] = { at, label, predictions: predictionsOf(o.predictions, members, classification, i) };
    if (i > 0 && at < out[i - 1].at) sorted = false;
  }
  return sorted ? out : out.map((o, i) => ({ o, i })).sort((a, b) => a.o.at - b.o.at || a.i - b.i).map(({ o }) => o);
}

function predictionsOf(raw: unknown, members: MemberKeys, classification: boolean, i: number): Prediction[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(i, '.predictions', 'must be an object with one entry per member (keyed by model version id or "model@version")');
  }
  const out = new Array<Prediction | undefined>(members.count);
  for (const key in raw) {
    const m = members.index.get(key);
    if (m === undefined) fail(i, `.predictions["${key}"]`, 'names no current member of the ensemble');
    if (out[m] !== undefined) fail(i, `.predictions["${key}"]`, 'names a member given already');
    const value = (raw as Record<string, unknown>)[key];
    out[m] = classification ? probabilities(value, i, key) : finite(value, i, `.predictions["${key}"]`);
  }
  const missing = out.findIndex((p) => p === undefined);
  if (missing >= 0) fail(i, '.predictions', `lacks a prediction of member ${memberName(members, missing)}`);
  return out as Prediction[];
}

function probabilities(value: unknown, i: number, key: string): Probabilities {
  const field = `.predictions["${key}"]`;
  if (typeof value === 'number') {
    if (!(value >= 0 && value <= 1)) fail(i, field, 'must be a probability in [0, 1] (of class "1"), or class probabilities');
    return { 1: value, 0: 1 - value };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(i, field, 'must be class probabilities { class: p } or a number');
  const p = value as Record<string, unknown>;
  let sum = 0;
  for (const c in p) {
    const v = p[c];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(i, `${field}["${c}"]`, 'must be a probability in [0, 1]');
    sum += v;
  }
  if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) fail(i, field, `must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE}), got ${sum}`);
  if (sum === 1) return p as Probabilities;
  const normalized: Probabilities = {};
  for (const c in p) normalized[c] = (p[c] as number) / sum;
  return normalized;
}

function classLabel(value: unknown, i: number): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(i, '.label', 'must be a class: a non-empty string or a number');
}

function finite(value: unknown, i: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(i, field, 'must be a finite number');
  return value;
}

function timeOf(t: unknown): number {
  if (t instanceof Date) return t.getTime();
  // Date.parse accepts more than ISO 8601 ("March 7"); a date-time must at least start like one.
  return typeof t === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(t) ? Date.parse(t) : NaN;
}

function memberName(members: MemberKeys, index: number): string {
  const names = [...members.index].filter(([, i]) => i === index).map(([k]) => k);
  return names[names.length - 1] ?? String(index);
}

function fail(i: number, path: string, problem: string): never {
  const field = `outcomes[${i}]${path}`;
  throw new BadInputError(`${field} ${problem}.`, field);
}

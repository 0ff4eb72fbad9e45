import { hedgeUpdate, withFloor } from '../src/ensemble/learning/hedge';
import { Learner, Outcome, StrategySettings } from '../src/ensemble/learning/learner';
import { combine, lossOf, predictedClass } from '../src/ensemble/learning/losses';
import { membershipEdges } from '../src/ensemble/learning/membership-edges';
import { minimizeOnSimplex, projectToSimplex } from '../src/ensemble/learning/simplex';
import { fitWindow } from '../src/ensemble/learning/windowed';
import { memberKeys, parseOutcomes } from '../src/ensemble/outcomes/parse-outcomes';

const sum = (w: number[]) => w.reduce((s, x) => s + x, 0);

describe('losses', () => {
  it('score class probabilities and values', () => {
    expect(lossOf('ZERO_ONE', { a: 0.7, b: 0.3 }, 'a')).toBe(0);
    expect(lossOf('ZERO_ONE', { a: 0.7, b: 0.3 }, 'b')).toBe(1);
    expect(lossOf('LOG_LOSS', { a: 0.25, b: 0.75 }, 'a')).toBeCloseTo(Math.log(4));
    expect(lossOf('LOG_LOSS', { a: 1 }, 'b')).toBeCloseTo(-Math.log(1e-15)); // capped, not infinite
    expect(lossOf('SQUARED', 3, 1)).toBe(4);
    expect(lossOf('ABSOLUTE', 1, 3.5)).toBe(2.5);
  });

  it('combine members as a mixture or a weighted mean; ties go to the first class name', () => {
    expect(combine([0.25, 0.75], [{ a: 1 }, { a: 0.2, b: 0.8 }])).toEqual({ a: 0.4, b: 0.6000000000000001 });
    expect(combine([0.5, 0.5], [2, 4])).toBe(3);
    expect(predictedClass({ b: 0.5, a: 0.5 })).toBe('a');
  });
});

describe('HEDGE', () => {
  it('moves weight away from the member with the higher loss, keeping the sum 1', () => {
    const w = hedgeUpdate([0.5, 0.5], [0, 1], 1, 0.01);
    expect(w[0]).toBeCloseTo((1 - 0.02) * (1 / (1 + Math.exp(-1))) + 0.01);
    expect(sum(w)).toBeCloseTo(1, 12);
  });

  it('keeps every weight at least the floor, so a member recovers within a bounded number of outcomes', () => {
    let w = [0.5, 0.5];
    for (let t = 0; t < 10_000; t++) w = hedgeUpdate(w, [0, 1], 0.5, 0.01);
    // The steady state: f + (1 − 2f)·w·e^(−η) / (normalizer) ≈ 0.025, never below the floor.
    expect(w[1]).toBeGreaterThanOrEqual(0.01);
    expect(w[1]).toBeLessThan(0.03);
    let steps = 0;
    while (w[1] <= w[0]) { w = hedgeUpdate(w, [1, 0], 0.5, 0.01); steps++; }
    expect(steps).toBeLessThanOrEqual(Math.ceil(Math.log(1 / 0.01) / 0.5) + 1);
  });

  it('caps a floor larger than 1/n at uniform weights', () => {
    expect(withFloor([1, 0, 0], 0.5)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('the simplex', () => {
  it('projects onto it (already on it: unchanged; outside: clipped and shifted)', () => {
    expect(projectToSimplex([0.2, 0.8])).toEqual([0.2, 0.8]);
    expect(projectToSimplex([2, 0])).toEqual([1, 0]);
    const p = projectToSimplex([0.5, 0.5, 0.5]);
    p.forEach((x) => expect(x).toBeCloseTo(1 / 3));
  });

  it('minimizes a convex quadratic to its constrained minimum', () => {
    // (w0 - 0.7)² + (w1 - 0.3)²: the minimum on the simplex is (0.7, 0.3).
    const w = minimizeOnSimplex({ value: (v) => (v[0] - 0.7) ** 2 + (v[1] - 0.3) ** 2, gradient: (v) => [2 * (v[0] - 0.7), 2 * (v[1] - 0.3)] }, [0.5, 0.5]);
    expect(w[0]).toBeCloseTo(0.7, 4);
    expect(w[1]).toBeCloseTo(0.3, 4);
  });
});

describe('WINDOWED fits', () => {
  it('ZERO_ONE: all weight on the member with the fewest errors in the window', () => {
    const w = fitWindow('ZERO_ONE', [[1, 0], [0, 0], [1, 0], [0, 1]], [0.5, 0.5]);
    expect(w[1]).toBeCloseTo(1, 6);
  });

  it('SQUARED: the mix of two predictions that reproduces the truth', () => {
    // The truth is 0.25·a + 0.75·b exactly.
    const rows = [[1, 3], [2, 6], [0, 4], [5, 1]].map(([a, b]) => [a, b, 0.25 * a + 0.75 * b]);
    const w = fitWindow('SQUARED', rows, [0.5, 0.5]);
    expect(w[0]).toBeCloseTo(0.25, 3);
    expect(w[1]).toBeCloseTo(0.75, 3);
  });

  it('ABSOLUTE and LOG_LOSS: stay on the simplex and beat the starting point', () => {
    const rows = [[1, 3, 2.8], [2, 6, 5.5], [0, 4, 3.9]];
    const w = fitWindow('ABSOLUTE', rows, [0.5, 0.5]);
    expect(sum(w)).toBeCloseTo(1, 9);
    expect(w[1]).toBeGreaterThan(0.8);
    const q = fitWindow('LOG_LOSS', [[0.9, 0.2], [0.8, 0.6], [0.1, 0.7]], [0.5, 0.5]);
    const logLoss = (v: number[]) => -[[0.9, 0.2], [0.8, 0.6], [0.1, 0.7]].reduce((s, r) => s + Math.log(v[0] * r[0] + v[1] * r[1]), 0);
    expect(logLoss(q)).toBeLessThan(logLoss([0.5, 0.5]));
  });
});

describe('the learner', () => {
  const hedge: StrategySettings = { strategy: 'HEDGE', loss: 'ZERO_ONE', eta: 0.5, weightFloor: 0.01, window: 50, refitEvery: 10 };
  const options = { weightIntervalMs: 10 * 60_000, metricIntervalMs: 60_000, rolling: 20 };
  const start = Date.UTC(2026, 0, 1);
  // A is right in the first 100 outcomes, B in the last 100; one outcome every 30 s.
  const stream: Outcome[] = Array.from({ length: 200 }, (_, t) => {
    const label = t % 3 === 0 ? 'x' : 'y';
    const other = label === 'x' ? 'y' : 'x';
    const right = { [label]: 0.9, [other]: 0.1 };
    const wrong = { [label]: 0.1, [other]: 0.9 };
    return { at: start + t * 30_000, label, predictions: t < 100 ? [right, wrong] : [wrong, right] };
  });

  it('records weight changes no more often than the interval, and a rolling point per minute per series', () => {
    const learner = Learner.fresh(hedge, options, ['a', 'b'], [0.5, 0.5], start - 1);
    const { changes, points } = learner.learn(stream);
    changes.slice(1).forEach((c, i) => expect(c.at - changes[i].at).toBeGreaterThanOrEqual(options.weightIntervalMs));
    // At most one per 10 minutes of the 100; none while the weights stay where they were (converged).
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.length).toBeLessThanOrEqual(10);
    expect(changes[changes.length - 1].weights[1]).toBeGreaterThan(0.95);
    expect(points.length).toBe(100 * 3); // 200 outcomes over 100 minutes, members and the ensemble
    expect(learner.weights[1]).toBeGreaterThan(0.95);
  });

  it('resumes from its saved state as if it had never stopped', () => {
    const once = Learner.fresh(hedge, options, ['a', 'b'], [0.5, 0.5], start - 1);
    const whole = once.learn(stream);
    const first = Learner.fresh(hedge, options, ['a', 'b'], [0.5, 0.5], start - 1);
    const a = first.learn(stream.slice(0, 77));
    const resumed = new Learner(hedge, options, JSON.parse(JSON.stringify(first.toState())));
    const b = resumed.learn(stream.slice(77));
    expect(resumed.weights).toEqual(once.weights);
    expect([...a.changes, ...b.changes]).toEqual(whole.changes);
    expect(b.points[b.points.length - 1]).toEqual(whole.points[whole.points.length - 1]);
  });

  it('WINDOWED refits every K outcomes onto the member that was right in the window', () => {
    const learner = Learner.fresh({ ...hedge, strategy: 'WINDOWED' }, options, ['a', 'b'], [0.5, 0.5], start - 1);
    learner.learn(stream.slice(0, 60));
    expect(learner.weights[0]).toBeCloseTo(0.99, 6);
    learner.learn(stream.slice(60));
    expect(learner.weights[1]).toBeCloseTo(0.99, 6);
  });
});

describe('membership edges of a batch', () => {
  it('close the open edges at the first change and chain the batch\'s own edges', () => {
    const changes = [{ at: 1000, weights: [0.6, 0.4], outcomes: 10 }, { at: 2000, weights: [0.6, 0.3], outcomes: 20 }];
    const { close, open } = membershipEdges(['a', 'b'], [0.5, 0.5], changes, (c) => `after ${c.outcomes}`);
    expect(close).toEqual([{ modelVersionId: 'a', to: new Date(1000) }, { modelVersionId: 'b', to: new Date(1000) }]);
    expect(open).toEqual([
      { modelVersionId: 'a', weight: 0.6, from: new Date(1000), to: null, reason: 'after 10' },
      { modelVersionId: 'b', weight: 0.4, from: new Date(1000), to: new Date(2000), reason: 'after 10' },
      { modelVersionId: 'b', weight: 0.3, from: new Date(2000), to: null, reason: 'after 20' },
    ]);
  });
});

describe('parsing outcomes', () => {
  const members = memberKeys([{ id: 'id-a', model: 'm', version: '1' }, { id: 'id-b', model: 'm', version: '2' }]);
  const now = Date.UTC(2026, 5, 1);

  it('takes members by id or label, numbers as P(class "1"), sorts by time and normalizes rounded probabilities', () => {
    const out = parseOutcomes([
      { timestamp: '2026-05-02T00:00:00Z', predictions: { 'id-a': 0.8, 'm@2': { 0: 0.333, 1: 0.666 } }, label: 1 },
      { timestamp: '2026-05-01T00:00:00Z', predictions: { 'm@1': { 1: 1 }, 'id-b': { 0: 1 } }, label: '0' },
    ], 'LOG_LOSS', members, now);
    expect(out.map((o) => o.label)).toEqual(['0', '1']);
    expect(out[1].predictions[0]).toEqual({ 1: 0.8, 0: 0.19999999999999996 });
    expect(sum(Object.values(out[1].predictions[1]))).toBeCloseTo(1, 12);
  });

  it.each([
    [[{ timestamp: '2026-05-01T00:00:00Z', predictions: { 'id-a': 0.5 }, label: 1 }], 'outcomes[0].predictions lacks a prediction of member m@2.'],
    [[{ timestamp: '2026-05-01T00:00:00Z', predictions: { 'id-a': 0.5, x: 1 }, label: 1 }], 'outcomes[0].predictions["x"] names no current member of the ensemble.'],
    [[{ timestamp: '2027-01-01T00:00:00Z', predictions: {}, label: 1 }], 'outcomes[0].timestamp must not be in the future.'],
    [[{ timestamp: 'yesterday', predictions: {}, label: 1 }], 'outcomes[0].timestamp must be an ISO 8601 date-time.'],
    [[{ timestamp: '2026-05-01T00:00:00Z', predictions: { 'id-a': 1.5, 'id-b': 0 }, label: 1 }], 'outcomes[0].predictions["id-a"] must be a probability in [0, 1] (of class "1"), or class probabilities.'],
    [[{ timestamp: '2026-05-01T00:00:00Z', predictions: { 'id-a': { a: 0.5 }, 'id-b': 0 }, label: 1 }], 'outcomes[0].predictions["id-a"] must sum to 1 (within 0.01), got 0.5.'],
    [[{ timestamp: '2026-05-01T00:00:00Z', predictions: { 'id-a': 1, 'id-b': 0 }, label: null }], 'outcomes[0].label must be a class: a non-empty string or a number.'],
    [[], 'outcomes must not be empty.'],
  ])('refuses %j', (input, message) => {
    expect(() => parseOutcomes(input, 'ZERO_ONE', members, now)).toThrow(message);
  });

  it('regression takes finite numbers only', () => {
    expect(() => parseOutcomes([{ timestamp: '2026-05-01T00:00:00Z', predictions: { 'id-a': 1, 'id-b': 2 }, label: '3' }], 'SQUARED', members, now))
      .toThrow('outcomes[0].label must be a finite number.');
  });
});

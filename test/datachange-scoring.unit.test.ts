import type { DiffResult, FieldDrift } from '../src/drift/diff';
import { DriftMeasure } from '../src/datachange/datachange.types';
import { observedChange, windowsAround } from '../src/datachange/observed-change';
import { changedColumns, rankDeployments, ServedModelVersion } from '../src/datachange/scoring';

/* The score formula and the before/after windows, without a database. */

const drift = (field: string, psi: number | null, js: number | null, drifted: boolean | null): FieldDrift => ({
  field, kind: 'NUMERIC', psi, jensenShannon: js, wasserstein: null, ks: null, nullShareFrom: 0, nullShareTo: 0, drifted, note: null,
});
const DIFF: DiffResult = {
  schemaChanges: [
    { field: 'zip', change: 'TYPE_CHANGED', fromType: 'integer', toType: 'string' },
    { field: 'channel', change: 'ADDED', fromType: null, toType: 'string' },
  ],
  fields: [drift('a', 0.5, 0.3, true), drift('b', 0.25, 0.12, true), drift('c', 0.1, 0.05, false), drift('d', null, null, null)],
  comparedFields: 3, driftedFields: 2, driftedShare: 2 / 3,
};
const serving = (deployment: string, trafficShare: number, ensemble: string | null = null, weight: number | null = null) =>
  ({ deploymentId: deployment, deployment, environment: 'prod', trafficShare, ensemble, weight });

describe('the data-change score', () => {
  it('counts removed and retyped columns as breaking and drifted ones by the chosen measure; added ones not at all', () => {
    const psi = changedColumns(DIFF, DriftMeasure.PSI);
    expect([...psi.keys()].sort()).toEqual(['a', 'b', 'zip']);
    expect(psi.get('zip')).toEqual({ field: 'zip', change: 'TYPE_CHANGED', drift: null, drifted: false });
    expect(changedColumns(DIFF, DriftMeasure.JENSEN_SHANNON).get('a')?.drift).toBe(0.3);
  });

  it('sums drift (max over a feature’s drifted columns) × importance × weight × share, and ranks breaking first', () => {
    const served: ServedModelVersion[] = [
      { modelVersionId: 'm1', label: 'm@1', serving: [serving('blend', 0.5, 'ens', 0.25), serving('solo', 1)] },
      { modelVersionId: 'm2', label: 'n@1', serving: [serving('zipped', 1)] },
      { modelVersionId: 'm3', label: 'o@1', serving: [serving('calm', 1)] },
    ];
    const uses = [
      { modelVersionId: 'm1', feature: 'fs/ab', importance: 2, columns: ['a', 'b'] }, // drift max(0.5, 0.25) = 0.5
      { modelVersionId: 'm1', feature: 'fs/c', importance: 9, columns: ['c'] }, // c did not drift: not listed
      { modelVersionId: 'm2', feature: 'fs/zip', importance: 0.01, columns: ['zip', 'b'] },
      { modelVersionId: 'm3', feature: 'fs/c', importance: 1, columns: ['c'] },
    ];
    const ranked = rankDeployments(DIFF, served, uses, DriftMeasure.PSI);
    expect(ranked.map((d) => [d.deployment, d.status, d.score])).toEqual([
      ['zipped', 'BREAKING', 0.25 * 0.01], ['solo', 'DRIFTED', 0.5 * 2], ['blend', 'DRIFTED', 0.5 * 2 * 0.25 * 0.5], ['calm', 'UNCHANGED', 0]]);
    expect(ranked[0].features[0]).toMatchObject({ breaking: true, drift: 0.25, columns: [expect.objectContaining({ field: 'zip' }), expect.objectContaining({ field: 'b' })] });
  });
});

describe('the observed change', () => {
  it('averages points before and after the moment, by summary or by point', () => {
    const w = windowsAround(new Date('2026-02-01T00:30:00Z'), 2);
    const bucket = (start: string, values: [string, number][] | null, summary?: { count: number; sum: number }) => ({
      deployment: 'd', start: new Date(start), count: summary?.count ?? values!.length, sum: summary?.sum ?? 0, min: 0, max: 1, last: 0,
      lastAt: new Date(start), points: values && values.map(([t]) => Date.parse(t)), values: values && values.map(([, v]) => v),
    });
    const r = observedChange('acc', w, [
      bucket('2026-01-31T22:00:00Z', [['2026-01-31T22:10:00Z', 0.1], ['2026-01-31T22:40:00Z', 0.6]]), // only 22:40 is in the window
      bucket('2026-01-31T23:00:00Z', null, { count: 2, sum: 1.2 }),
      bucket('2026-02-01T00:00:00Z', [['2026-02-01T00:20:00Z', 0.6], ['2026-02-01T00:30:00Z', 0.4]]),
      bucket('2026-02-01T01:00:00Z', null, { count: 1, sum: 0.5 }),
    ]);
    expect(r).toMatchObject({ pointsBefore: 4, pointsAfter: 2 });
    expect(r.before).toBeCloseTo((0.6 + 1.2 + 0.6) / 4, 12);
    expect(r.after).toBeCloseTo(0.45, 12);
    expect(r.change).toBeCloseTo(0.45 - 0.6, 12);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { profileFile } from '../src/drift/profiler';
import { useGraph } from './support/graph';

/* datasetDiff over registered versions: schema changes, per-field distances, verdicts, thresholds. */

const REGISTER = `mutation($input: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $input) { id } }`;
const DIFF = `query($from: DatasetVersionRef!, $to: DatasetVersionRef!, $t: DriftThresholdsInput) {
  datasetDiff(from: $from, to: $to, thresholds: $t) {
    from { version } to { version }
    schemaChanges { field change fromType toType }
    fields { field kind psi jensenShannon wasserstein ks nullShareFrom nullShareTo drifted note }
    comparedFields driftedFields driftedShare thresholds { psi js wasserstein ks } } }`;

const hist = (edges: number[], counts: number[]) => ({ count: counts.reduce((a, b) => a + b, 0), nulls: 0, histogram: { edges, counts } });
const ref = (version: string) => ({ namespace: 'warehouse', name: 'orders', version });

const V1 = [
  { name: 'id', type: 'integer' },
  { name: 'amount', type: 'double', profile: hist([0, 1, 2, 3, 4, 5], [50, 30, 10, 5, 5]) },
  { name: 'score', type: 'double', profile: hist([0, 10, 20], [50, 50]) },
  { name: 'city', type: 'string', profile: { count: 100, nulls: 0, topValues: [{ value: 'Paris', count: 50 }, { value: 'Berlin', count: 30 }, { value: 'Rome', count: 20 }] } },
  { name: 'basket', type: 'double', profile: hist([0, 1, 2, 3, 4], [10, 20, 30, 40]) },
  { name: 'legacy', type: 'string' },
  { name: 'zip', type: 'integer', profile: hist([0, 1], [1]) },
];
const V2 = [
  { name: 'id', type: 'INTEGER' },
  { name: 'amount', type: 'double', profile: hist([0, 1, 2, 3, 4, 5], [5, 5, 10, 30, 50]) },
  { name: 'score', type: 'double', profile: hist([0, 5, 10, 20], [25, 25, 50]) }, // other edges, same distribution
  { name: 'city', type: 'string', profile: { count: 110, nulls: 10, topValues: [{ value: 'Paris', count: 30 }, { value: 'Berlin', count: 30 }] } },
  { name: 'basket', type: 'double', profile: hist([0, 1, 2, 3, 4], [20, 20, 30, 30]) },
  { name: 'zip', type: 'string', profile: { count: 1, nulls: 0, topValues: [{ value: '75001', count: 1 }] } },
  { name: 'channel', type: 'string' },
];

describe('datasetDiff', () => {
  const graph = useGraph();

  beforeEach(async () => {
    await graph.ok(REGISTER, { input: { ...ref('v1'), fields: V1 } });
    await graph.ok(REGISTER, { input: { ...ref('v2'), fields: V2 } });
  });

  it('finds added, removed and retyped fields', async () => {
    const { datasetDiff: d } = await graph.ok(DIFF, { from: ref('v1'), to: ref('v2') });
    expect(d.schemaChanges).toEqual([
      { field: 'legacy', change: 'REMOVED', fromType: 'string', toType: null },
      { field: 'channel', change: 'ADDED', fromType: null, toType: 'string' },
      { field: 'zip', change: 'TYPE_CHANGED', fromType: 'integer', toType: 'string' },
    ]);
    expect(d.fields.find((f: { field: string }) => f.field === 'zip')).toMatchObject({ drifted: null, note: expect.stringMatching(/type changed/) });
    expect(d.fields.find((f: { field: string }) => f.field === 'id')).toMatchObject({ drifted: null, note: 'no profile on the from version' });
  });

  it('measures each field against the default thresholds (PSI 0.2, JS 0.1)', async () => {
    const { datasetDiff: d } = await graph.ok(DIFF, { from: ref('v1'), to: ref('v2') });
    const byField = Object.fromEntries(d.fields.map((f: { field: string }) => [f.field, f]));
    // values from scipy/numpy, as in test/stats.test.ts
    expect(byField.amount).toMatchObject({ kind: 'NUMERIC', drifted: true });
    expect(byField.amount.psi).toBeCloseTo(2.9682063183086687, 10);
    expect(byField.amount.jensenShannon).toBeCloseTo(0.6717076631164431, 10);
    expect(byField.amount.wasserstein).toBeCloseTo(0.46, 10);
    expect(byField.amount.ks).toBeCloseTo(0.7, 10);
    expect(byField.score).toMatchObject({ kind: 'NUMERIC', drifted: false, ks: 0 });
    expect(byField.score.psi).toBeCloseTo(0, 12);
    expect(byField.city).toMatchObject({ kind: 'CATEGORICAL', drifted: true, wasserstein: null, nullShareFrom: 0 });
    expect(byField.city.psi).toBeCloseTo(4.938375977492461, 10);
    expect(byField.city.nullShareTo).toBeCloseTo(10 / 110, 12);
    expect(byField.basket).toMatchObject({ drifted: true }); // PSI 0.098 < 0.2 but JS 0.132 ≥ 0.1
    expect(d).toMatchObject({ comparedFields: 4, driftedFields: 3, driftedShare: 0.75, thresholds: { psi: 0.2, js: 0.1, wasserstein: null, ks: null } });
  });

  it('applies overridden thresholds', async () => {
    const { datasetDiff: d } = await graph.ok(DIFF, { from: ref('v1'), to: ref('v2'), t: { js: 0.2 } });
    expect(d.fields.find((f: { field: string }) => f.field === 'basket').drifted).toBe(false);
    expect(d).toMatchObject({ driftedFields: 2, driftedShare: 0.5, thresholds: { psi: 0.2, js: 0.2 } });
    const withKs = (await graph.ok(DIFF, { from: ref('v1'), to: ref('v2'), t: { psi: 10, js: 1, ks: 0.05 } })).datasetDiff;
    expect(withKs.driftedFields).toBe(2); // amount (KS 0.7) and basket (KS 0.1); city has no KS
  });

  it('rejects bad thresholds and names a missing version', async () => {
    const bad = await graph.gql(DIFF, { from: ref('v1'), to: ref('v2'), t: { psi: -1 } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'thresholds.psi' });
    const missing = await graph.gql(DIFF, { from: ref('v1'), to: ref('v9') });
    expect(missing.errors?.[0]).toMatchObject({ message: "DatasetVersion 'warehouse/orders@v9' not found.", extensions: { code: 'NOT_FOUND' } });
  });

  it('diffs versions registered from profiled files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-diff-'));
    const write = (name: string, rows: string[]) => { fs.writeFileSync(path.join(dir, name), `x,kind\n${rows.join('\n')}\n`); return path.join(dir, name); };
    const before = write('a.csv', Array.from({ length: 1000 }, (_, i) => `${i % 100},${i % 2 ? 'odd' : 'even'}`));
    const after = write('b.csv', Array.from({ length: 1000 }, (_, i) => `${(i % 100) + 60},${i % 2 ? 'odd' : 'even'}`));
    for (const [version, file] of [['p1', before], ['p2', after]]) {
      const fields = await profileFile(file);
      await graph.ok(REGISTER, { input: { namespace: 'files', name: 'xs', version, rowCount: fields[0].profile!.count, fields } });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const { datasetDiff: d } = await graph.ok(DIFF, { from: { namespace: 'files', name: 'xs', version: 'p1' }, to: { namespace: 'files', name: 'xs', version: 'p2' } });
    expect(d.schemaChanges).toEqual([]);
    expect(d.fields.map((f: { field: string; drifted: boolean }) => [f.field, f.drifted])).toEqual([['x', true], ['kind', false]]);
  });
});

import { createModelGraph, ModelGraph } from './metrics.fixtures';
import { useGraph } from './support/graph';

/* Invalid points, a metric across model versions, and the events on a metric's time line. */

const RECORD = `mutation($points: [MetricPointInput!]!) { recordMetrics(points: $points) { points } }`;
const ACROSS = `query($model: String!, $metric: String!, $agg: MetricAggregate) {
  metricAcrossVersions(model: $model, metric: $metric, aggregate: $agg) { version value count offlineValue } }`;
const EVENTS = `query($t: MetricTargetInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  metricEvents(target: $t, from: $from, to: $to) { at kind label deployment alias ensemble modelVersionId datasetVersionId trainedOn weight previousWeight } }`;

describe('metric queries and input rules', () => {
  const graph = useGraph();
  let g: ModelGraph;
  const point = (extra: Record<string, unknown> = {}) => ({ target: { modelVersion: g.versions[0] }, name: 'accuracy', value: 0.9, timestamp: '2026-01-05T10:00:00Z', ...extra });

  beforeEach(async () => { g = await createModelGraph(graph.db); });

  it('rejects bad points with a coded error and writes nothing, even when other points are good', async () => {
    const nodes = await graph.countNodes();
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [point({ name: '' }), 'BAD_USER_INPUT', { field: 'points[1].name' }],
      [point({ name: '   ' }), 'BAD_USER_INPUT', { field: 'points[1].name' }],
      [point({ value: null }), 'BAD_USER_INPUT', {}], // NaN and Infinity reach JSON as null
      [point({ target: { modelVersion: g.versions[0], deployment: 'churn-prod' } }), 'BAD_USER_INPUT', { field: 'points[1].target' }],
      [point({ target: {} }), 'BAD_USER_INPUT', { field: 'points[1].target' }],
      [point({ target: { modelVersion: 'no-such-id' } }), 'NOT_FOUND', { entity: 'ModelVersion', key: 'no-such-id' }],
      [point({ target: { deployment: 'nope' } }), 'NOT_FOUND', { entity: 'Deployment', key: 'nope' }],
      [point({ target: { ensemble: 'nope' } }), 'NOT_FOUND', { entity: 'Ensemble', key: 'nope' }],
      [point({ datasetVersionId: 'missing' }), 'NOT_FOUND', { entity: 'DatasetVersion' }],
      // the same series as the good point before it: checked all the same
      [point({ datasetVersionId: ' ' }), 'BAD_USER_INPUT', { field: 'points[1].datasetVersionId' }],
      [point({ tags: { note: 'x'.repeat(3000) } }), 'BAD_USER_INPUT', { field: 'points[1].tags' }],
    ];
    for (const [bad, code, extensions] of cases) {
      const result = await graph.gql(RECORD, { points: [point(), bad] });
      expect(result.errors?.[0].extensions).toMatchObject({ code, ...extensions });
    }
    // A literal beyond double range parses to Infinity without a variable's JSON in between.
    const literal = await graph.gql(`mutation { recordMetrics(points: [{ target: { modelVersion: "${g.versions[0]}" }, name: "a", value: 1e400, timestamp: "2026-01-05T10:00:00Z" }]) { points } }`);
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points[0].value' });
    expect(await graph.countNodes()).toBe(nodes);
  });

  it('rejects a reversed range, an unknown target, and a range too fine for its length', async () => {
    const q = `query($t: MetricTargetInput!, $from: DateTimeISO!, $to: DateTimeISO!, $b: TimeBucket) {
      metricSeries(target: $t, name: "a", from: $from, to: $to, bucket: $b) { value } }`;
    const t = { modelVersion: g.versions[0] };
    expect((await graph.gql(q, { t, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await graph.gql(q, { t: { deployment: 'x' }, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await graph.gql(q, { t, from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', b: 'MINUTE' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bucket' });
    expect((await graph.ok(q, { t, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).metricSeries).toEqual([]);
  });

  it('gives one value per model version in version order, falling back to the offline metric', async () => {
    const points = [0.7, 0.8, 0.9].map((value, i) => point({ target: { modelVersion: g.versions[1] }, value, timestamp: `2026-01-1${i}T12:00:00Z` }));
    await graph.ok(RECORD, { points });
    const { metricAcrossVersions: avg } = await graph.ok(ACROSS, { model: 'churn', metric: 'accuracy' });
    expect(avg).toEqual([
      { version: 'v1', value: 0.8, count: 0, offlineValue: 0.8 },
      { version: 'v2', value: expect.closeTo(0.8, 10), count: 3, offlineValue: 0.85 },
      { version: 'v3', value: null, count: 0, offlineValue: null },
    ]);
    const { metricAcrossVersions: p95 } = await graph.ok(ACROSS, { model: 'churn', metric: 'accuracy', agg: 'P95' });
    expect(p95[1].value).toBeCloseTo(0.89, 10);
    const { metricAcrossVersions: last } = await graph.ok(ACROSS, { model: 'churn', metric: 'accuracy', agg: 'LAST' });
    expect(last[1].value).toBe(0.9);
    expect((await graph.gql(ACROSS, { model: 'nope', metric: 'accuracy' })).errors?.[0]).toMatchObject({ message: "Model 'nope' not found.", extensions: { code: 'NOT_FOUND' } });
  });

  it("marks deployments, alias moves and new dataset versions on a model version's time line", async () => {
    const { metricEvents } = await graph.ok(EVENTS, { t: { modelVersion: g.versions[0] }, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    expect(metricEvents.map((e: { at: string; kind: string; label: string }) => [e.at.slice(0, 10), e.kind, e.label])).toEqual([
      ['2026-01-01', 'DATASET_VERSION', 'warehouse/orders v1'],
      ['2026-01-03', 'ALIAS_SET', 'churn@champion → v1'],
      ['2026-01-03', 'DEPLOYED', 'churn-prod serves churn@v1'],
      ['2026-01-11', 'ALIAS_SET', 'churn@champion → v2'],
      ['2026-01-11', 'UNDEPLOYED', 'churn-prod stops serving churn@v1'],
      ['2026-01-20', 'DATASET_VERSION', 'warehouse/orders v2'],
    ]);
    expect(metricEvents[0]).toMatchObject({ datasetVersionId: g.datasetVersions[0], trainedOn: true });
    expect(metricEvents[5]).toMatchObject({ datasetVersionId: g.datasetVersions[1], trainedOn: false });
  });

  it("marks a deployment's own serving changes and an ensemble's, within the range only", async () => {
    const range = { from: '2026-01-10T00:00:00Z', to: '2026-01-19T00:00:00Z' };
    const { metricEvents: dep } = await graph.ok(EVENTS, { t: { deployment: 'churn-prod' }, ...range });
    expect(dep.map((e: { kind: string; modelVersionId: string }) => [e.kind, e.modelVersionId])).toEqual([
      ['ALIAS_SET', g.versions[1]], ['DEPLOYED', g.versions[1]], ['UNDEPLOYED', g.versions[0]]]);
    const { metricEvents: ens } = await graph.ok(EVENTS, { t: { ensemble: 'churn-blend' }, ...range });
    expect(ens.map((e: { kind: string; deployment: string; ensemble: string }) => [e.kind, e.deployment, e.ensemble])).toEqual([
      ['ALIAS_SET', null, null], ['DEPLOYED', 'blend-prod', 'churn-blend'], ['MEMBER_ADDED', null, 'churn-blend'], ['MEMBER_ADDED', null, 'churn-blend']]);
    expect((await graph.gql(EVENTS, { t: { ensemble: 'nope' }, ...range })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks new versions of datasets upstream of the training data, and ensemble weight changes', async () => {
    // lake/clicks feeds warehouse/orders v1 (churn v1's training data) through a run; its version c2 lands Jan 8.
    // churn-blend re-weights its members on Jan 17 (0.5/0.5 → 0.7/0.3) as changeEnsembleMembers does: closed and opened at once.
    await graph.db.runAutoCommit(`
      MATCH (orders:Dataset {name: 'orders'})<-[:VERSION_OF]-(dv1:DatasetVersion {version: 'v1'})
      CREATE (raw:Dataset {id: randomUUID(), namespace: 'lake', name: 'clicks', createdAt: datetime('2025-12-01T00:00Z')})
      CREATE (c1:DatasetVersion {id: randomUUID(), version: 'c1', createdAt: datetime('2025-12-01T00:00Z')})-[:VERSION_OF]->(raw)
      CREATE (c2:DatasetVersion {id: randomUUID(), version: 'c2', createdAt: datetime('2026-01-08T00:00Z')})-[:VERSION_OF]->(raw)
      SET c1.datasetId = raw.id, c2.datasetId = raw.id
      CREATE (j:Job {id: randomUUID(), namespace: 'etl', name: 'build_orders', createdAt: datetime('2025-12-01T00:00Z')})
      CREATE (r:Run {id: randomUUID(), runId: 'r1', state: 'COMPLETE', createdAt: datetime('2025-12-31T00:00Z')})-[:RUN_OF]->(j)
      CREATE (r)-[:READ]->(c1)
      CREATE (r)-[:WROTE]->(dv1)
      WITH 1 AS one
      MATCH (e:Ensemble {name: 'churn-blend'})-[m:MEMBER]->(mv:ModelVersion)
      SET m.to = datetime('2026-01-17T00:00Z')
      CREATE (e)-[:MEMBER {weight: CASE mv.version WHEN 'v2' THEN 0.7 ELSE 0.3 END, from: datetime('2026-01-17T00:00Z')}]->(mv)`);
    const jan = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    const { metricEvents: byKey } = await graph.ok(EVENTS, { t: { model: 'churn', version: 'v1' }, ...jan });
    expect(byKey.filter((e: { kind: string }) => e.kind === 'DATASET_VERSION').map((e: { label: string; trainedOn: boolean }) => [e.label, e.trainedOn]))
      .toEqual([['warehouse/orders v1', true], ['lake/clicks c2', false], ['warehouse/orders v2', false]]);
    const { metricEvents: byId } = await graph.ok(EVENTS, { t: { modelVersion: g.versions[0] }, ...jan });
    expect(byId).toEqual(byKey);

    const weights = (events: { kind: string; label: string; weight: number | null; previousWeight: number | null }[]) =>
      events.filter((e) => e.kind.startsWith('MEMBER_')).map((e) => [e.kind, e.label, e.previousWeight, e.weight]);
    const { metricEvents: ens } = await graph.ok(EVENTS, { t: { ensemble: 'churn-blend' }, ...jan });
    expect(weights(ens)).toEqual([
      ['MEMBER_ADDED', 'churn-blend: churn@v2 joins, weight 0.5', null, 0.5],
      ['MEMBER_ADDED', 'churn-blend: churn@v3 joins, weight 0.5', null, 0.5],
      ['MEMBER_WEIGHT_CHANGED', 'churn-blend: churn@v2 weight 0.5 → 0.7', 0.5, 0.7],
      ['MEMBER_WEIGHT_CHANGED', 'churn-blend: churn@v3 weight 0.5 → 0.3', 0.5, 0.3],
    ]);
    const { metricEvents: dep } = await graph.ok(EVENTS, { t: { deployment: 'blend-prod' }, ...jan });
    expect(weights(dep)).toEqual(weights(ens));
    const { metricEvents: v3 } = await graph.ok(EVENTS, { t: { model: 'churn', version: 'v3' }, ...jan });
    expect(weights(v3)).toEqual([weights(ens)[1], weights(ens)[3]]);
  });

  it('takes a model version target by model and version as well as by id', async () => {
    const byKey = { target: { model: 'churn', version: 'v2' }, name: 'accuracy', value: 0.5, timestamp: '2026-01-05T10:00:00Z' };
    await graph.ok(RECORD, { points: [byKey, point({ target: { modelVersion: g.versions[1] }, value: 0.7, timestamp: '2026-01-05T10:30:00Z' })] });
    const q = `query($t: MetricTargetInput!) { metricSeries(target: $t, name: "accuracy", from: "2026-01-05T00:00:00Z", to: "2026-01-06T00:00:00Z", bucket: DAY) { value count } }`;
    expect((await graph.ok(q, { t: { modelVersion: g.versions[1] } })).metricSeries).toEqual([{ value: expect.closeTo(0.6, 10), count: 2 }]);
    expect((await graph.ok(q, { t: { model: 'churn', version: 'v2' } })).metricSeries).toEqual([{ value: expect.closeTo(0.6, 10), count: 2 }]);
    const errors = async (t: Record<string, unknown>) => (await graph.gql(RECORD, { points: [{ ...byKey, target: t }] })).errors?.[0];
    expect(await errors({ model: 'churn', version: 'v9' })).toMatchObject({ message: "ModelVersion 'churn@v9' not found.", extensions: { code: 'NOT_FOUND' } });
    expect((await errors({ model: 'churn' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points[0].target' });
    expect((await errors({ model: 'churn', version: 'v2', modelVersion: g.versions[1] }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points[0].target' });
    expect((await errors({ model: 'churn', version: 'v2', deployment: 'churn-prod' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points[0].target' });
  });
});

import { useGraph } from './support/graph';

jest.setTimeout(120_000);

/*
 * dataChangeImpact over a graph built through the mutations (field lineage Field→Field in raw
 * Cypher, as OpenLineage column lineage would write it). warehouse/orders v1 → v2: `amount`
 * drifts (histogram 50/50 → 80/20), `country` does not, `legacy` is removed, `channel` is added.
 *   fraud@1  uses amount_avg (0.6) + country_code (0.4)           served by fraud-prod (direct, 1.0)
 *   churn@1  uses country_code (1.0)                              served by churn-prod
 *   risk@1   uses amount_log (0.5), from stats.amount_log ← amount  member (0.4) of risk-ens, served 0.8 by risk-prod
 *   risk@2   uses country_code (0.3)                              member (0.6) of risk-ens
 *   risk@3   uses amount_avg (0.5)                                served 0.2 by risk-prod directly
 *   legacy@1 uses legacy_flag (0.1) ← legacy (removed)           served by legacy-prod
 *   basic@1  trained on orders v1, no features                   served by basic-prod
 *   spare@1  uses amount_avg (0.9)                                not served
 */
const gqlMutation = (name: string, type: string, selection = 'id') => `mutation($input: ${type}!) { ${name}(input: $input) { ${selection} } }`;
const REGISTER = gqlMutation('registerDatasetVersion', 'RegisterDatasetVersionInput');
const FEATURE = gqlMutation('upsertFeature', 'UpsertFeatureInput');
const MODEL = gqlMutation('registerModelVersion', 'RegisterModelVersionInput');
const ENSEMBLE = gqlMutation('upsertEnsemble', 'UpsertEnsembleInput');
const DEPLOY = `mutation($name: String!, $target: DeploymentTargetInput!) {
  upsertDeployment(input: { name: $name, environment: "prod" }) { id } deploy(deployment: $name, target: $target) { name } }`;
const SHIFT = `mutation($name: String!, $shares: [TrafficShareInput!]!) {
  upsertDeployment(input: { name: $name, environment: "prod" }) { id } shiftTraffic(deployment: $name, shares: $shares) { name } }`;
const IMPACT = `query($from: String!, $to: String!, $measure: DriftMeasure, $metric: String, $windowHours: Int, $asOf: DateTimeISO) {
  dataChangeImpact(dataset: { namespace: "warehouse", name: "orders" }, from: $from, to: $to, measure: $measure, metric: $metric, windowHours: $windowHours, asOf: $asOf) {
    dataset { name } measure truncated diff { driftedFields schemaChanges { field change } }
    deployments { deployment status breaking score modelVersions withoutFieldLineage
      features { feature modelVersion ensemble weight trafficShare importance drift breaking contribution columns { field change drift drifted } }
      observed { before after change pointsBefore pointsAfter at } } } }`;

const hist = (counts: number[]) => ({ count: counts.reduce((a, b) => a + b, 0), nulls: 0, histogram: { edges: [0, 1, 2], counts } });
const cities = { count: 100, nulls: 0, topValues: [{ value: 'FR', count: 60 }, { value: 'DE', count: 40 }] };
const orders = (version: string) => ({ namespace: 'warehouse', name: 'orders', version });
const mv = (model: string, version = '1') => ({ model, version });
const PSI_AMOUNT = 0.3 * Math.log(4); // (0.8 − 0.5)·ln(0.8/0.5) + (0.2 − 0.5)·ln(0.2/0.5) = 0.3·ln 4
const JS_AMOUNT = (() => { // base-2 Jensen–Shannon distance of (0.5, 0.5) and (0.8, 0.2), by hand
  const kl = (p: number[], m: number[]) => p.reduce((s, x, i) => s + x * Math.log2(x / m[i]), 0);
  return Math.sqrt((kl([0.5, 0.5], [0.65, 0.35]) + kl([0.8, 0.2], [0.65, 0.35])) / 2);
})();

async function buildScenario(graph: ReturnType<typeof useGraph>): Promise<void> {
  await graph.ok(REGISTER, { input: { ...orders('v1'), createdAt: '2026-01-01T00:00:00Z', fields: [
    { name: 'amount', type: 'double', profile: hist([50, 50]) }, { name: 'country', type: 'string', profile: cities }, { name: 'legacy', type: 'string' }] } });
  await graph.ok(REGISTER, { input: { ...orders('v2'), createdAt: '2026-02-01T00:30:00Z', fields: [
    { name: 'amount', type: 'double', profile: hist([80, 20]) }, { name: 'country', type: 'string', profile: cities }, { name: 'channel', type: 'string' }] } });
  await graph.ok(REGISTER, { input: { namespace: 'features', name: 'stats', version: 'v1', fields: [{ name: 'amount_log', type: 'double' }] } });
  await graph.db.runAutoCommit(`MATCH (:Dataset {name: 'stats'})<-[:VERSION_OF]-(:DatasetVersion)-[:HAS_FIELD]->(out:Field {name: 'amount_log'})
    MATCH (:Dataset {name: 'orders'})<-[:VERSION_OF]-(:DatasetVersion {version: 'v1'})-[:HAS_FIELD]->(in:Field {name: 'amount'})
    CREATE (out)-[:DERIVED_FROM {transformation: 'log'}]->(in)`);
  const field = (name: string, field: string, namespace = 'warehouse', version = 'v1') => ({ namespace, name, version, field });
  for (const [name, from] of [['amount_avg', field('orders', 'amount')], ['country_code', field('orders', 'country')],
    ['legacy_flag', field('orders', 'legacy')], ['amount_log', field('stats', 'amount_log', 'features')]] as const) {
    await graph.ok(FEATURE, { input: { namespace: 'fs', name, derivedFrom: [from] } });
  }
  const uses = (...list: [string, number][]) => list.map(([name, importance]) => ({ feature: { namespace: 'fs', name }, importance }));
  const models: [string, string, ReturnType<typeof uses>][] = [
    ['fraud', '1', uses(['amount_avg', 0.6], ['country_code', 0.4])], ['churn', '1', uses(['country_code', 1])],
    ['risk', '1', uses(['amount_log', 0.5])], ['risk', '2', uses(['country_code', 0.3])], ['risk', '3', uses(['amount_avg', 0.5])],
    ['legacy', '1', uses(['legacy_flag', 0.1])], ['spare', '1', uses(['amount_avg', 0.9])], ['basic', '1', []]];
  for (const [model, version, features] of models) {
    await graph.ok(MODEL, { input: { model, version, features, trainedOn: model === 'basic' ? [{ datasetVersion: orders('v1'), role: 'TRAIN' }] : [] } });
  }
  await graph.ok(ENSEMBLE, { input: { name: 'risk-ens', members: [{ modelVersion: mv('risk', '1'), weight: 0.4 }, { modelVersion: mv('risk', '2'), weight: 0.6 }] } });
  for (const model of ['fraud', 'churn', 'legacy', 'basic']) await graph.ok(DEPLOY, { name: `${model}-prod`, target: { modelVersion: mv(model) } });
  await graph.ok(SHIFT, { name: 'risk-prod', shares: [{ target: { ensemble: 'risk-ens' }, share: 0.8 }, { target: { modelVersion: mv('risk', '3') }, share: 0.2 }] });
}

describe('dataChangeImpact', () => {
  // Weight changes a learning ensemble records: at most one per 10 ms of outcome time.
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000', MODELGRAPH_ENSEMBLE_WEIGHT_INTERVAL_MS: '10' });
  beforeEach(() => buildScenario(graph));

  it('ranks served deployments: breaking first, then by drift × importance × weight × traffic share', async () => {
    const { dataChangeImpact: r } = await graph.ok(IMPACT, { from: 'v1', to: 'v2' });
    expect(r.diff.driftedFields).toBe(1);
    expect(r.deployments.map((d: any) => [d.deployment, d.status])).toEqual([
      ['legacy-prod', 'BREAKING'], ['fraud-prod', 'DRIFTED'], ['risk-prod', 'DRIFTED'], ['churn-prod', 'UNCHANGED'], ['basic-prod', 'NO_FIELD_LINEAGE']]);
    const [legacy, fraud, risk, churn, basic] = r.deployments;
    expect(legacy.features).toEqual([expect.objectContaining({ feature: 'fs/legacy_flag', breaking: true, drift: null, contribution: 0,
      columns: [{ field: 'legacy', change: 'REMOVED', drift: null, drifted: false }] })]);
    expect(fraud.score).toBeCloseTo(PSI_AMOUNT * 0.6, 10);
    expect(fraud.features).toEqual([expect.objectContaining({ feature: 'fs/amount_avg', modelVersion: 'fraud@1', ensemble: null, weight: null, trafficShare: 1 })]);
    // Through the ensemble (weight 0.4 × share 0.8) and directly (share 0.2); amount_log drifts through Field→Field lineage.
    expect(risk.score).toBeCloseTo(PSI_AMOUNT * (0.5 * 0.4 * 0.8 + 0.5 * 0.2), 10);
    expect(risk.features.map((f: any) => [f.feature, f.modelVersion, f.ensemble, f.weight, f.trafficShare])).toEqual([
      ['fs/amount_log', 'risk@1', 'risk-ens', 0.4, 0.8], ['fs/amount_avg', 'risk@3', null, null, 0.2]]);
    expect(risk.features[0].contribution).toBeCloseTo(PSI_AMOUNT * 0.16, 10);
    expect(risk.modelVersions.sort()).toEqual(['risk@1', 'risk@2', 'risk@3']); // risk@2 uses orders.country, which did not change
    expect(churn).toMatchObject({ score: 0, breaking: false, features: [], withoutFieldLineage: [] });
    expect(basic).toMatchObject({ score: 0, features: [], modelVersions: ['basic@1'], withoutFieldLineage: ['basic@1'] });
    expect(r.deployments.map((d: any) => d.deployment)).not.toContain('spare-prod');
  });

  it('follows only column lineage in force: neither a withdrawn Field→Field edge nor one whose interval has closed', async () => {
    // stats.amount_log also from orders.country (unchanged): risk@1 stays downstream of orders whatever
    // happens to its edge from orders.amount, so only the columns its feature is traced to can differ.
    await graph.db.runAutoCommit(`MATCH (out:Field {name: 'amount_log'}), (:Dataset {name: 'orders'})<-[:VERSION_OF]-(:DatasetVersion {version: 'v1'})-[:HAS_FIELD]->(in:Field {name: 'country'})
      CREATE (out)-[:DERIVED_FROM]->(in)`);
    const risk = async () => (await graph.ok(IMPACT, { from: 'v1', to: 'v2' })).dataChangeImpact.deployments.find((d: any) => d.deployment === 'risk-prod');
    const full = PSI_AMOUNT * (0.5 * 0.4 * 0.8 + 0.5 * 0.2);
    const onlyDirect = PSI_AMOUNT * 0.5 * 0.2; // risk@3's amount_avg; risk@1's amount_log traced to orders.country only
    expect((await risk()).score).toBeCloseTo(full, 10);
    const edge = `MATCH (:Field {name: 'amount_log'})-[d:DERIVED_FROM]->(:Field {name: 'amount'})`;
    await graph.db.runAutoCommit(`${edge} SET d.retractedAt = datetime()`);
    const withdrawn = await risk();
    expect(withdrawn.modelVersions.sort()).toEqual(['risk@1', 'risk@2', 'risk@3']);
    expect(withdrawn.score).toBeCloseTo(onlyDirect, 10);
    await graph.db.runAutoCommit(`${edge} SET d.retractedAt = null, d.to = datetime('2026-01-15T00:00:00Z')`);
    expect((await risk()).score).toBeCloseTo(onlyDirect, 10);
    await graph.db.runAutoCommit(`${edge} SET d.to = null`);
    expect((await risk()).score).toBeCloseTo(full, 10);
  });

  it('scores with the Jensen–Shannon distance when asked', async () => {
    const { dataChangeImpact: r } = await graph.ok(IMPACT, { from: 'v1', to: 'v2', measure: 'JENSEN_SHANNON' });
    const fraud = r.deployments.find((d: any) => d.deployment === 'fraud-prod');
    expect(fraud.features[0].drift).toBeCloseTo(JS_AMOUNT, 10);
    expect(fraud.score).toBeCloseTo(JS_AMOUNT * 0.6, 10);
  });

  it('compares the metric before and after the new version became current', async () => {
    const at = (t: string) => `2026-${t}:00Z`;
    const points = [['01-20T10:00', 0.1], ['01-30T00:10', 0.2], ['01-31T10:00', 0.9], ['01-31T20:00', 0.92], ['02-01T00:10', 0.94],
      ['02-01T00:50', 0.8], ['02-02T10:00', 0.82], ['02-03T00:40', 0.3]] as const;
    await graph.ok(`mutation($p: [MetricPointInput!]!) { recordMetrics(points: $p) { points } }`, {
      p: points.map(([t, value]) => ({ target: { deployment: 'fraud-prod' }, name: 'accuracy', value, timestamp: at(t) })) });
    const { dataChangeImpact: r } = await graph.ok(IMPACT, { from: 'v1', to: 'v2', metric: 'accuracy', windowHours: 48 });
    const fraud = r.deployments.find((d: any) => d.deployment === 'fraud-prod');
    expect(fraud.observed).toMatchObject({ at: '2026-02-01T00:30:00.000Z', pointsBefore: 3, pointsAfter: 2 });
    expect(fraud.observed.before).toBeCloseTo(0.92, 10);
    expect(fraud.observed.after).toBeCloseTo(0.81, 10);
    expect(fraud.observed.change).toBeCloseTo(-0.11, 10);
    expect(r.deployments.find((d: any) => d.deployment === 'churn-prod').observed).toMatchObject({ before: null, after: null, change: null, pointsBefore: 0 });
  });

  it('answers as the graph and serving stood at asOf (default now)', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await graph.ok(DEPLOY, { name: 'fraud-prod', target: { modelVersion: mv('spare') } }); // spare@1 replaces fraud@1
    const served = async (asOf?: string) => Object.fromEntries((await graph.ok(IMPACT, { from: 'v1', to: 'v2', asOf })).dataChangeImpact.deployments
      .map((d: { deployment: string; modelVersions: string[]; score: number }) => [d.deployment, { modelVersions: d.modelVersions, score: d.score }]));
    const now = await served();
    expect(now['fraud-prod'].modelVersions).toEqual(['spare@1']);
    expect(now['fraud-prod'].score).toBeCloseTo(PSI_AMOUNT * 0.9, 10);
    const then = await served(before);
    expect(then['fraud-prod'].modelVersions).toEqual(['fraud@1']);
    expect(then['fraud-prod'].score).toBeCloseTo(PSI_AMOUNT * 0.6, 10);
    expect(Object.keys(then).sort()).toEqual(Object.keys(now).sort());
    expect(await served('2025-01-01T00:00:00Z')).toEqual({}); // nothing was served (nor existed) then
  });

  it('weighs a served ensemble member with the weight the ensemble had learned at asOf', async () => {
    await graph.ok('mutation { setEnsembleStrategy(ensemble: "risk-ens", strategy: { strategy: HEDGE, loss: ZERO_ONE, eta: 0.5 }) { strategy } }');
    const t0 = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100)); // outcome times must not be in the future
    // risk@1 (the member reading the drifted amount_log) is always wrong, risk@2 always right: risk@1's weight falls.
    const outcomes = Array.from({ length: 60 }, (_, i) => ({
      timestamp: new Date(t0 + 1 + i).toISOString(), label: 'yes',
      predictions: { 'risk@1': { yes: 0.2, no: 0.8 }, 'risk@2': { yes: 0.9, no: 0.1 } },
    }));
    const res = await fetch(`${graph.url}/api/v1/outcomes?ensemble=risk-ens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(outcomes) });
    expect(await res.json()).toMatchObject({ outcomes: 60 });

    const learned = async (asOf: string) => {
      const { ensemble } = await graph.ok('query($asOf: DateTimeISO) { ensemble(name: "risk-ens") { members(asOf: $asOf) { weight modelVersion { version } } } }', { asOf });
      return ensemble.members.find((m: any) => m.modelVersion.version === '1').weight as number;
    };
    const impactOnRisk = async (asOf: string) => {
      const { dataChangeImpact: r } = await graph.ok(IMPACT, { from: 'v1', to: 'v2', asOf });
      const risk = r.deployments.find((d: any) => d.deployment === 'risk-prod');
      const [viaEnsemble] = risk.features.filter((f: any) => f.ensemble === 'risk-ens');
      return { score: risk.score as number, weight: viaEnsemble.weight as number, contribution: viaEnsemble.contribution as number };
    };
    const times = [t0, t0 + 30, Date.now()].map((t) => new Date(t).toISOString()); // before, during and after the stream
    const weights = await Promise.all(times.map(learned));
    expect(weights[0]).toBe(0.4); // the initial weight
    expect(weights[1]).toBeLessThan(weights[0]);
    expect(weights[2]).toBeLessThan(weights[1]);
    for (const [i, asOf] of times.entries()) {
      const impact = await impactOnRisk(asOf);
      expect(impact.weight).toBeCloseTo(weights[i], 12);
      expect(impact.contribution).toBeCloseTo(PSI_AMOUNT * 0.5 * weights[i] * 0.8, 12);
      expect(impact.score).toBeCloseTo(PSI_AMOUNT * (0.5 * weights[i] * 0.8 + 0.5 * 0.2), 12);
    }
  });

  it('rejects unknown versions and bad windows with coded errors', async () => {
    const missing = await graph.gql(IMPACT, { from: 'v1', to: 'v9' });
    expect(missing.errors?.[0]).toMatchObject({ message: "DatasetVersion 'warehouse/orders@v9' not found.", extensions: { code: 'NOT_FOUND' } });
    const window = await graph.gql(IMPACT, { from: 'v1', to: 'v2', metric: 'accuracy', windowHours: 0 });
    expect(window.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowHours' });
  });
});

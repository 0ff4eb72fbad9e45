import { TestGraph } from './graph';
import { eventually } from './subscriber';

/**
 * A small, complete history recorded through the API, for the web UI's browser tests: a dataset
 * with two versions (one column drifts, one is removed), features computed from its columns, two
 * models with two versions each, an alias that moved, a deployment that switched versions, an
 * ensemble whose weights changed, metric points around those changes, and alerts: one firing on
 * the ensemble, one fired and resolved on the deployment. Times are days before
 * now, so the UI's default ranges (the last 14 or 30 days) show them.
 */
export const ago = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

const hist = (counts: number[]) => ({ count: counts.reduce((a, b) => a + b, 0), nulls: 0, histogram: { edges: [0, 1, 2], counts } });
const orders = (version: string) => ({ namespace: 'warehouse', name: 'orders', version });
const mutation = (name: string, type: string) => `mutation($input: ${type}!) { ${name}(input: $input) { id } }`;

async function seedData(graph: TestGraph): Promise<void> {
  const register = mutation('registerDatasetVersion', 'RegisterDatasetVersionInput');
  await graph.ok(register, { input: { ...orders('v1'), createdAt: ago(20), rowCount: 100, fields: [
    { name: 'amount', type: 'double', profile: hist([50, 50]) }, { name: 'country', type: 'string' }, { name: 'legacy', type: 'string' }] } });
  await graph.ok(register, { input: { ...orders('v2'), createdAt: ago(10), rowCount: 120, fields: [
    { name: 'amount', type: 'double', profile: hist([80, 20]) }, { name: 'country', type: 'string' }, { name: 'channel', type: 'string' }] } });
  for (const [name, field] of [['amount_avg', 'amount'], ['country_code', 'country'], ['legacy_flag', 'legacy']]) {
    await graph.ok(mutation('upsertFeature', 'UpsertFeatureInput'), { input: { namespace: 'fs', name, at: ago(19), derivedFrom: [{ ...orders('v1'), field }] } });
  }
}

async function seedModels(graph: TestGraph): Promise<void> {
  const uses = (...names: string[]) => names.map((name, i) => ({ feature: { namespace: 'fs', name }, importance: i === 0 ? 0.7 : 0.3 }));
  const versions: [string, string, number, Record<string, number>, ReturnType<typeof uses>][] = [
    ['fraud', '1', 18, { accuracy: 0.91, auc: 0.94 }, uses('amount_avg', 'legacy_flag')],
    ['risk', '1', 16, { accuracy: 0.8, auc: 0.85 }, uses('country_code')],
    ['risk', '2', 15, { accuracy: 0.82, auc: 0.86 }, uses('amount_avg')],
    ['fraud', '2', 8, { accuracy: 0.93, auc: 0.95 }, uses('amount_avg', 'country_code')],
  ];
  for (const [model, version, days, metrics, features] of versions) {
    await graph.ok(mutation('registerModelVersion', 'RegisterModelVersionInput'), { input: {
      model, version, createdAt: ago(days), metrics, features, trainedOn: [{ datasetVersion: orders(days > 10 ? 'v1' : 'v2'), role: 'TRAIN' }] } });
  }
  const alias = 'mutation($v: String!, $at: DateTimeISO!) { setModelAlias(model: "fraud", alias: "champion", version: $v, at: $at) { name } }';
  await graph.ok(alias, { v: '1', at: ago(17) });
  await graph.ok(alias, { v: '2', at: ago(6) });
}

async function seedServing(graph: TestGraph): Promise<void> {
  const mv = (model: string, version: string) => ({ modelVersion: { model, version } });
  await graph.ok(mutation('upsertEnsemble', 'UpsertEnsembleInput'), { input: { name: 'risk-ens', at: ago(14), description: 'Two risk models, blended.',
    members: [{ ...mv('risk', '1'), weight: 0.5 }, { ...mv('risk', '2'), weight: 0.5 }] } });
  await graph.ok(`mutation($at: DateTimeISO!) { setEnsembleMembers(ensemble: "risk-ens", at: $at, reason: "risk@2 does better",
    members: [{ modelVersion: { model: "risk", version: "1" }, weight: 0.3 }, { modelVersion: { model: "risk", version: "2" }, weight: 0.7 }]) { name } }`, { at: ago(5) });
  const upsert = 'mutation($input: UpsertDeploymentInput!) { upsertDeployment(input: $input) { id } }';
  const deploy = 'mutation($d: String!, $t: DeploymentTargetInput!, $at: DateTimeISO!, $r: String) { deploy(deployment: $d, target: $t, at: $at, reason: $r) { name } }';
  await graph.ok(upsert, { input: { name: 'fraud-prod', environment: 'prod', endpoint: 'https://fraud.example/score', at: ago(17) } });
  await graph.ok(deploy, { d: 'fraud-prod', t: mv('fraud', '1'), at: ago(17), r: 'first release' });
  await graph.ok(deploy, { d: 'fraud-prod', t: mv('fraud', '2'), at: ago(6), r: 'retrained on orders v2' });
  await graph.ok(upsert, { input: { name: 'risk-prod', environment: 'prod', at: ago(13) } });
  await graph.ok(deploy, { d: 'risk-prod', t: { ensemble: 'risk-ens' }, at: ago(13), r: 'ensemble' });
}

/** Hourly accuracy and latency of fraud-prod (worse after orders v2, better after fraud@2), daily points for the versions. */
async function seedMetrics(graph: TestGraph): Promise<void> {
  const points: unknown[] = [];
  for (let h = 17 * 24; h >= 1; h--) {
    const days = h / 24;
    const accuracy = days > 10 ? 0.91 : days > 6 ? 0.86 : 0.93;
    const wobble = Math.sin(h / 5) * 0.01;
    points.push({ target: { deployment: 'fraud-prod' }, name: 'accuracy', value: accuracy + wobble, timestamp: ago(days) });
    points.push({ target: { deployment: 'fraud-prod' }, name: 'auc', value: accuracy + 0.03 + wobble / 2, timestamp: ago(days) });
    if (days <= 13) points.push({ target: { ensemble: 'risk-ens' }, name: 'accuracy', value: 0.8 + (days < 5 ? 0.03 : 0) + wobble, timestamp: ago(days) });
  }
  for (let d = 17; d >= 0; d--) {
    points.push({ target: { model: 'fraud', version: '1' }, name: 'accuracy', value: 0.9 - (d < 10 ? 0.04 : 0), timestamp: ago(d + 0.5) });
    if (d <= 8) points.push({ target: { model: 'fraud', version: '2' }, name: 'accuracy', value: 0.93 + d * 0.002, timestamp: ago(d + 0.5) });
    if (d <= 15) points.push({ target: { model: 'risk', version: '2' }, name: 'accuracy', value: 0.82 - d * 0.001, timestamp: ago(d + 0.5) });
  }
  await graph.ok('mutation($p: [MetricPointInput!]!) { recordMetrics(points: $p) { points } }', { p: points });
}

const ALERT_STATES = 'query($t: MetricTargetInput!) { alerts(target: $t) { id state } }';
const RULE_FIELDS = { metric: 'accuracy', condition: 'BELOW', windowSeconds: 6 * 3600, forSeconds: 0 };

/** Rules made before the points arrive, so that the points' evaluation opens the alerts. */
async function seedAlertRules(graph: TestGraph): Promise<string> {
  await graph.ok(mutation('createAlertRule', 'AlertRuleInput'), { input: {
    ...RULE_FIELDS, name: 'risk-ens accuracy below 0.85', target: { ensemble: 'risk-ens' }, threshold: 0.85, severity: 'CRITICAL' } });
  const { createAlertRule } = await graph.ok<{ createAlertRule: { id: string } }>(mutation('createAlertRule', 'AlertRuleInput'), { input: {
    ...RULE_FIELDS, name: 'fraud-prod accuracy below 0.95', target: { deployment: 'fraud-prod' }, threshold: 0.95 } });
  return createAlertRule.id;
}

/** Waits for the alerts the points opened; then the deployment's rule is relaxed and its alert resolves. */
async function settleAlerts(graph: TestGraph, relaxed: string): Promise<void> {
  const states = async (t: Record<string, string>) => (await graph.ok<{ alerts: { state: string }[] }>(ALERT_STATES, { t })).alerts.map((a) => a.state);
  await eventually(async () => ((await states({ ensemble: 'risk-ens' })).includes('FIRING') || undefined), 'the ensemble alert to fire', 90_000);
  await eventually(async () => ((await states({ deployment: 'fraud-prod' })).includes('FIRING') || undefined), 'the deployment alert to fire', 90_000);
  await graph.ok(`mutation($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { id } }`, { id: relaxed, input: {
    ...RULE_FIELDS, name: 'fraud-prod accuracy below 0.95', target: { deployment: 'fraud-prod' }, threshold: 0.5 } });
  // A point evaluates the rule again, now relaxed.
  await graph.ok('mutation($p: [MetricPointInput!]!) { recordMetrics(points: $p) { points } }', {
    p: [{ target: { deployment: 'fraud-prod' }, name: 'accuracy', value: 0.93, timestamp: ago(0.01) }] });
  await eventually(async () => ((await states({ deployment: 'fraud-prod' })).join() === 'RESOLVED' || undefined), 'the deployment alert to resolve', 90_000);
}

export async function seedUiScenario(graph: TestGraph): Promise<void> {
  await seedData(graph);
  await seedModels(graph);
  await seedServing(graph);
  const relaxed = await seedAlertRules(graph);
  await seedMetrics(graph);
  await settleAlerts(graph, relaxed);
}

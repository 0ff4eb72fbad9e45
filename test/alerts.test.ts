import { randomUUID } from 'node:crypto';
import { AlertRepository } from '../src/alert/alert.repository';
import { EnsembleWeightsChangedPayload, Topics } from '../src/events/topics';
import { useGraph } from './support/graph';
import { createModelGraph } from './metrics.fixtures';
import { startReceiver, Receiver } from './support/webhook-receiver';
import { eventually, subscribe } from './support/subscriber';
import {
  accuracyPoints, accuracyRule, ALERT_CHANGED, AlertChangedEvent, ALERTS, CREATE_RULE, CREATE_WEBHOOK, DELIVERIES, RECORD,
} from './alerts.fixtures';

/*
 * Alerts on a metric stream, end to end on one instance: rules evaluated as points arrive and on
 * the timer (every 200 ms here), delivered to a graphql-ws subscriber and to a local webhook
 * receiver that checks the signature, retried when the receiver fails.
 */
describe('alerts', () => {
  const graph = useGraph({
    MODELGRAPH_ALERT_INTERVAL_MS: '200', MODELGRAPH_WEBHOOK_BACKOFF_MS: '50', MODELGRAPH_WEBHOOK_MAX_ATTEMPTS: '3',
    MODELGRAPH_WEBHOOK_ALLOW_NETWORKS: '127.0.0.0/8,::1/128',
  });
  let target: Record<string, string>;
  let receiver: Receiver | undefined;
  let secret = '';
  const record = (points: unknown[]) => graph.ok(RECORD, { points });
  const alerts = (vars: Record<string, unknown> = {}) => graph.ok(ALERTS, vars).then((d) => d.alerts as any[]);
  const deliveries = () => graph.ok(DELIVERIES).then((d) => d.webhookDeliveries as any[]);
  const webhook = async (events: string[], status?: (n: number) => number) => {
    receiver = await startReceiver(() => secret, status);
    secret = (await graph.ok(CREATE_WEBHOOK, { url: receiver.url, events })).createWebhook.secret;
  };

  beforeEach(async () => { target = { modelVersion: (await createModelGraph(graph.db)).versions[0] }; });
  afterEach(async () => { await receiver?.close(); receiver = undefined; });

  it('a degrading stream: pending, firing after `for`, delivered to a subscriber and a signed webhook, resolved on recovery', async () => {
    await webhook(['ALERT_PENDING', 'ALERT_FIRING', 'ALERT_RESOLVED']);
    const sub = subscribe<AlertChangedEvent>(graph.url, ALERT_CHANGED, { target });
    await sub.connected;
    const { createAlertRule: rule } = await graph.ok(CREATE_RULE, { input: accuracyRule(target) });
    expect(rule.target).toMatchObject({ kind: 'MODEL_VERSION', label: 'churn@v1' });

    const start = Date.now() - 5_000;
    await record(accuracyPoints(target, 5, 0.95, start)); // on target: nothing happens
    expect(await alerts()).toEqual([]);
    await record(accuracyPoints(target, 20, 0.5)); // average (5 × 0.95 + 20 × 0.5) / 25 = 0.59
    const fired = await eventually(() => sub.events.find((e) => e.alertChanged.alert.state === 'FIRING'), 'FIRING on the subscription');
    expect(fired.alertChanged).toMatchObject({ previousState: 'PENDING', alert: { rule: 'accuracy below target', target: { label: 'churn@v1' } } });
    expect(fired.alertChanged.alert.value).toBeCloseTo(0.59, 5);

    await record(accuracyPoints(target, 100, 0.99)); // (4.75 + 10 + 99) / 125 = 0.91
    await eventually(() => sub.events.find((e) => e.alertChanged.alert.state === 'RESOLVED'), 'RESOLVED on the subscription');
    expect(sub.events.map((e) => e.alertChanged.alert.state)).toEqual(['PENDING', 'FIRING', 'RESOLVED']);
    expect(sub.errors).toEqual([]);
    await sub.close();

    const [alert] = await alerts({ target });
    expect(alert.history.map((h: any) => h.state)).toEqual(['PENDING', 'FIRING', 'RESOLVED']);
    // `for` is measured from the moment the condition was first seen to hold.
    expect(Date.parse(alert.history[1].at) - Date.parse(alert.history[0].at)).toBeGreaterThanOrEqual(1000);

    const got = await eventually(() => (receiver!.received.length >= 3 ? receiver!.received : undefined), 'three webhook posts');
    expect(got.every((r) => r.verified)).toBe(true);
    expect(got.map((r) => JSON.parse(r.body).type).sort()).toEqual(['alert.firing', 'alert.pending', 'alert.resolved']);
    const body = JSON.parse(got.find((r) => JSON.parse(r.body).type === 'alert.firing')!.body);
    expect(body.data.alert).toMatchObject({ id: alert.id, state: 'FIRING', severity: 'CRITICAL', labels: { team: 'churn' } });
    const log = await eventually(async () => { const d = await deliveries(); return d.every((x) => x.status === 'DELIVERED') ? d : undefined; }, 'the log');
    expect(log.map((d) => d.attempts.length)).toEqual([1, 1, 1]);
    expect(new Set(got.map((r) => r.id))).toEqual(new Set(log.map((d) => d.id)));
  });

  it('a receiver that fails gets retries, each attempt in the delivery log; acknowledging records the key', async () => {
    await webhook(['ALERT_FIRING'], (n) => (n <= 2 ? 503 : 200));
    await graph.ok(CREATE_RULE, { input: accuracyRule(target, { forSeconds: 0 }) });
    await record(accuracyPoints(target, 3, 0.1));
    const [delivery] = await eventually(async () => {
      const d = await deliveries();
      return d.length && d[0].status !== 'PENDING' ? d : undefined;
    }, 'the delivery to settle');
    expect(delivery).toMatchObject({ event: 'ALERT_FIRING', status: 'DELIVERED' });
    expect(delivery.attempts).toEqual([
      { number: 1, statusCode: 503, error: 'HTTP 503' }, { number: 2, statusCode: 503, error: 'HTTP 503' }, { number: 3, statusCode: 200, error: null },
    ]);
    expect(receiver!.received.map((r) => r.id)).toEqual([delivery.id, delivery.id, delivery.id]); // one webhook-id for every attempt
    expect(receiver!.received.every((r) => r.verified)).toBe(true);

    const [alert] = await alerts({ state: 'FIRING' });
    const ack = await graph.ok('mutation($id: ID!) { acknowledgeAlert(id: $id) { state acknowledgedBy history { state by } } }', { id: alert.id });
    expect(ack.acknowledgeAlert).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: 'anonymous' });
    expect(ack.acknowledgeAlert.history.at(-1)).toEqual({ state: 'ACKNOWLEDGED', by: 'anonymous' });
    const again = await graph.gql('mutation($id: ID!) { acknowledgeAlert(id: $id) { state } }', { id: alert.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('a receiver that never answers 2xx: bounded attempts, then FAILED', async () => {
    await webhook(['ALERT_FIRING'], () => 500);
    await graph.ok(CREATE_RULE, { input: accuracyRule(target, { forSeconds: 0 }) });
    await record(accuracyPoints(target, 3, 0.1));
    const [delivery] = await eventually(async () => { const d = await deliveries(); return d[0]?.status === 'FAILED' ? d : undefined; }, 'FAILED');
    expect(delivery.attempts.map((a: any) => a.statusCode)).toEqual([500, 500, 500]);
  });

  it('NO_DATA fires from the timer on a silent stream, and resolves when a point comes', async () => {
    await graph.ok(CREATE_RULE, { input: { name: 'silent', target, metric: 'accuracy', condition: 'NO_DATA', windowSeconds: 1 } });
    const [alert] = await eventually(async () => { const a = await alerts({ state: 'FIRING' }); return a.length ? a : undefined; }, 'NO_DATA to fire');
    expect(alert).toMatchObject({ rule: 'silent', value: 0 });
    await record(accuracyPoints(target, 1, 0.9));
    await eventually(async () => { const a = await alerts({ state: 'RESOLVED' }); return a.length ? a : undefined; }, 'NO_DATA to resolve');
  });

  it('deleting a rule resolves its open alert; the alert and its history stay', async () => {
    const { createAlertRule: rule } = await graph.ok(CREATE_RULE, { input: accuracyRule(target, { forSeconds: 0 }) });
    await record(accuracyPoints(target, 2, 0.1));
    await eventually(async () => { const a = await alerts({ state: 'FIRING' }); return a.length ? a : undefined; }, 'FIRING');
    await graph.ok('mutation($id: ID!) { deleteAlertRule(id: $id) { id } }', { id: rule.id });
    const [alert] = await alerts();
    expect(alert.history.map((h: any) => h.state)).toEqual(['FIRING', 'RESOLVED']);
    expect((await graph.ok('{ alertRules { id } }')).alertRules).toEqual([]);
  });

  it('an evaluation that read a rule before it was deleted opens no alert for it', async () => {
    const { createAlertRule: rule } = await graph.ok(CREATE_RULE, { input: accuracyRule(target, { forSeconds: 0 }) });
    await graph.ok('mutation($id: ID!) { deleteAlertRule(id: $id) { id } }', { id: rule.id });
    const at = new Date();
    const late = { // what an evaluation in flight during the delete would open
      id: randomUUID(), ruleId: rule.id, rule: rule.name, severity: 'WARNING', labels: '{}', targetKind: 'MODEL_VERSION',
      targetId: target.modelVersion, targetLabel: 'churn@v1', metric: 'accuracy', state: 'FIRING', value: 0.1, startedAt: at, firedAt: at, history: [],
    };
    expect(await graph.db.write((tx) => new AlertRepository(graph.db).begin(tx, `${rule.id}\n${target.modelVersion}`, late))).toBeUndefined();
    expect(await alerts()).toEqual([]);
  });

  it('refuses webhook URLs that are not http(s) or reach a private address outside the allowed ranges', async () => {
    const before = await graph.countNodes();
    for (const url of ['http://10.0.0.1/hook', 'http://192.168.1.10/hook', 'http://169.254.169.254/latest', 'ftp://127.0.0.1/x', 'not a url']) {
      const res = await graph.gql(CREATE_WEBHOOK, { url, events: ['ALERT_FIRING'] });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
    expect((await graph.gql(CREATE_WEBHOOK, { url: 'http://127.0.0.1:9/x', events: ['ALERT_FIRING'], secret: 'whsec_short' })).errors?.[0].extensions?.code)
      .toBe('BAD_USER_INPUT');
    expect(await graph.countNodes()).toBe(before);
  });

  it('ensemble weight changes reach ensembleWeightsChanged subscribers of that ensemble and ENSEMBLE_WEIGHTS_CHANGED webhooks', async () => {
    await webhook(['ENSEMBLE_WEIGHTS_CHANGED']);
    const query = `subscription($e: String) { ensembleWeightsChanged(ensemble: $e) { ensemble at reason weights { model version weight } } }`;
    const mine = subscribe<any>(graph.url, query, { e: 'churn-blend' });
    const other = subscribe<any>(graph.url, query, { e: 'another' });
    await Promise.all([mine.connected, other.connected]);
    const change: EnsembleWeightsChangedPayload = {
      ensembleId: 'e1', ensemble: 'churn-blend', at: '2026-03-01T00:00:00.000Z', reason: 'HEDGE after 500 outcomes',
      weights: [{ modelVersionId: 'a', model: 'churn', version: 'v2', weight: 0.25 }, { modelVersionId: 'b', model: 'churn', version: 'v3', weight: 0.75 }],
    };
    graph.app.container.events.publish(Topics.ENSEMBLE_WEIGHTS_CHANGED, change); // as the ensemble module announces a change
    const [heard] = await eventually(() => (mine.events.length ? mine.events : undefined), 'the weight change');
    expect(heard.ensembleWeightsChanged).toEqual({
      ensemble: 'churn-blend', at: change.at, reason: change.reason, weights: change.weights.map(({ modelVersionId: _, ...w }) => w),
    });
    const [post] = await eventually(() => (receiver!.received.length ? receiver!.received : undefined), 'the webhook post');
    expect(post.verified).toBe(true);
    expect(JSON.parse(post.body)).toMatchObject({ type: 'ensemble.weights_changed', data: change });
    await Promise.all([mine.close(), other.close()]);
    expect(other.events).toEqual([]);
  });

  it('validates rules: a threshold for BELOW, a fraction for DROP, a known target', async () => {
    const bad = [
      accuracyRule(target, { threshold: null }), accuracyRule(target, { condition: 'DROP', threshold: 1.5 }),
      accuracyRule(target, { windowSeconds: 0 }), accuracyRule({ deployment: 'nope' }), accuracyRule(target, { labels: { team: 3 } }),
    ];
    const codes = [];
    for (const input of bad) codes.push((await graph.gql(CREATE_RULE, { input })).errors?.[0].extensions?.code);
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'NOT_FOUND', 'BAD_USER_INPUT']);
  });
});

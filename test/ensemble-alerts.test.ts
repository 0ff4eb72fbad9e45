import { useGraph } from './support/graph';
import { startReceiver, Receiver } from './support/webhook-receiver';
import { eventually, subscribe } from './support/subscriber';
import { ALERT_CHANGED, AlertChangedEvent, CREATE_RULE, CREATE_WEBHOOK } from './alerts.fixtures';

/*
 * The two halves of a learning ensemble joined, as a serving system would live them: outcomes
 * posted to /api/v1/outcomes become the ensemble's rolling accuracy, an alert rule on that series
 * goes pending, fires after `for`, reaches a graphql-ws subscriber and a signed webhook, and
 * resolves once the members are right again. No metric point is recorded by hand.
 */
describe('an ensemble whose members all degrade: the alert comes from its outcomes', () => {
  const graph = useGraph({
    MODELGRAPH_ALERT_INTERVAL_MS: '200', MODELGRAPH_WEBHOOK_BACKOFF_MS: '50', MODELGRAPH_WEBHOOK_ALLOW_NETWORKS: '127.0.0.0/8,::1/128',
    // A rolling accuracy over the last 20 outcomes, written for every outcome time (1 ms), so the series follows the stream closely.
    MODELGRAPH_OUTCOME_ROLLING: '20', MODELGRAPH_OUTCOME_METRIC_INTERVAL_MS: '1',
  });
  let receiver: Receiver | undefined;
  afterEach(async () => { await receiver?.close(); });

  /** `n` outcomes ending just before now, one per 50 ms; both members right with probability `accuracy` (seeded). */
  function outcomes(n: number, accuracy: number, seed: number): string {
    let s = seed;
    const random = () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
    const end = Date.now();
    return Array.from({ length: n }, (_, i) => {
      const label = random() < 0.5 ? 'yes' : 'no';
      const other = label === 'yes' ? 'no' : 'yes';
      const guess = () => (random() < accuracy ? { [label]: 0.8, [other]: 0.2 } : { [label]: 0.2, [other]: 0.8 });
      return JSON.stringify({ timestamp: new Date(end - (n - i) * 50).toISOString(), predictions: { 'churn@4': guess(), 'churn@5': guess() }, label });
    }).join('\n');
  }

  const post = async (body: string, key: string) => {
    const res = await fetch(`${graph.url}/api/v1/outcomes?ensemble=churn-mix`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': key }, body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { outcomes: number; metricPoints: number };
  };

  it('pending, firing after `for`, delivered signed and live, resolved when accuracy recovers', async () => {
    await graph.ok(`mutation {
      a: registerModelVersion(input: { model: "churn", version: "4" }) { id }
      b: registerModelVersion(input: { model: "churn", version: "5" }) { id }
      upsertEnsemble(input: { name: "churn-mix", at: "2026-01-01T00:00:00Z", strategy: { strategy: HEDGE, loss: ZERO_ONE },
        members: [{ modelVersion: { model: "churn", version: "4" }, weight: 0.5 }, { modelVersion: { model: "churn", version: "5" }, weight: 0.5 }] }) { name }
    }`);
    let secret = '';
    receiver = await startReceiver(() => secret);
    secret = (await graph.ok(CREATE_WEBHOOK, { url: receiver.url, events: ['ALERT_PENDING', 'ALERT_FIRING', 'ALERT_RESOLVED'] })).createWebhook.secret;
    const target = { ensemble: 'churn-mix' };
    const sub = subscribe<AlertChangedEvent>(graph.url, ALERT_CHANGED, { target });
    await sub.connected;
    await graph.ok(CREATE_RULE, { input: {
      name: 'ensemble accuracy below target', target, metric: 'outcome.accuracy', condition: 'BELOW', threshold: 0.7,
      aggregate: 'LAST', windowSeconds: 600, forSeconds: 1, severity: 'CRITICAL',
    } });

    expect((await post(outcomes(40, 0.95, 1), 'good-1')).metricPoints).toBeGreaterThan(0);
    await post(outcomes(40, 0.1, 2), 'bad-1'); // every member wrong 9 times in 10
    const fired = await eventually(() => sub.events.find((e) => e.alertChanged.alert.state === 'FIRING'), 'FIRING from the outcomes', 30_000);
    expect(fired.alertChanged.alert.target.label).toBe('churn-mix');
    expect(fired.alertChanged.alert.value).toBeLessThan(0.7);

    await post(outcomes(40, 0.95, 3), 'good-2');
    await eventually(() => sub.events.find((e) => e.alertChanged.alert.state === 'RESOLVED'), 'RESOLVED once the members are right again', 30_000);
    expect(sub.events.map((e) => e.alertChanged.alert.state)).toEqual(['PENDING', 'FIRING', 'RESOLVED']);
    await sub.close();

    const got = await eventually(() => (receiver!.received.length >= 3 ? receiver!.received : undefined), 'three signed webhook posts');
    expect(got.every((r) => r.verified)).toBe(true);
    expect(got.map((r) => JSON.parse(r.body).type).sort()).toEqual(['alert.firing', 'alert.pending', 'alert.resolved']);
  }, 120_000);
});

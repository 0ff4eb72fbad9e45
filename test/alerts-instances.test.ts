import { AddressInfo } from 'node:net';
import { App, createApp } from '../src/app/server';
import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/auth/roles';
import { loadConfig } from '../src/config';
import { Db } from '../src/db/db';
import { testDb, useGraph } from './support/graph';
import { hasRedis, startRedis, TestRedis } from './support/redis';
import { eventually, subscribe } from './support/subscriber';
import { startReceiver, Receiver } from './support/webhook-receiver';
import { createModelGraph } from './metrics.fixtures';
import { accuracyPoints, accuracyRule, ALERT_CHANGED, AlertChangedEvent, CREATE_RULE, CREATE_WEBHOOK, DELIVERIES, RECORD } from './alerts.fixtures';

/*
 * Two instances of the service on one Neo4j and one Redis, both evaluating (points go to both,
 * and both timers run): each change of the alert is made, delivered and heard once, and a
 * subscriber on either instance hears every change. With auth on, as a deployment would run.
 */
const env: Record<string, string> = {
  MODELGRAPH_AUTH: 'on', MODELGRAPH_ALERT_INTERVAL_MS: '100', MODELGRAPH_WEBHOOK_BACKOFF_MS: '50',
  MODELGRAPH_WEBHOOK_ALLOW_NETWORKS: '127.0.0.0/8',
};
const describeWithRedis = hasRedis() || process.env.CI ? describe : describe.skip; // under CI a missing redis-server fails

describeWithRedis('alerts across two instances', () => {
  let redis: TestRedis;
  beforeAll(async () => { redis = await startRedis(); env.REDIS_URL = redis.url; }); // before useGraph's own beforeAll
  const graph = useGraph(env);
  const other = {} as { app: App; db: Db; url: string };
  let receiver: Receiver;
  let secret = '';

  beforeAll(async () => {
    other.db = testDb();
    other.app = await createApp(other.db, loadConfig({ MODELGRAPH_AUDIT: 'off', ...process.env, ...env }));
    await new Promise<void>((resolve) => other.app.httpServer.listen(0, '127.0.0.1', resolve));
    other.url = `http://127.0.0.1:${(other.app.httpServer.address() as AddressInfo).port}`;
    receiver = await startReceiver(() => secret);
  });
  afterAll(async () => {
    await receiver?.close();
    await other.app?.close();
    await other.db?.close();
    await redis?.stop();
  });

  const call = async (url: string, key: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const ok = async (url: string, key: string, query: string, variables?: Record<string, unknown>) => {
    const r = await call(url, key, query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };

  it('fires once (one delivery per change) and a subscriber on the other instance hears every change', async () => {
    const auth = graph.app.container.get(AuthService);
    const writer = await auth.create('writer', Role.WRITER);
    const reader = (await auth.create('reader', Role.READER)).key;
    const target = { modelVersion: (await createModelGraph(graph.db)).versions[0] };
    const a = graph.url;
    const b = other.url;

    const anonymous = subscribe<AlertChangedEvent>(b, ALERT_CHANGED, {});
    await eventually(() => (anonymous.errors.length ? true : undefined), 'a subscription without a key to be refused');
    const onB = subscribe<AlertChangedEvent>(b, ALERT_CHANGED, { target }, `Bearer ${reader}`);
    const onA = subscribe<AlertChangedEvent>(a, ALERT_CHANGED, {}, `Bearer ${reader}`);
    await Promise.all([onB.connected, onA.connected]);

    expect((await call(a, reader, CREATE_RULE, { input: accuracyRule(target) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    secret = (await ok(a, writer.key, CREATE_WEBHOOK, {
      url: receiver.url, events: ['ALERT_PENDING', 'ALERT_FIRING', 'ALERT_ACKNOWLEDGED', 'ALERT_RESOLVED'],
    })).createWebhook.secret;
    await ok(a, writer.key, CREATE_RULE, { input: accuracyRule(target) });

    // Points reach both instances at once: both evaluate the rule on them.
    const now = Date.now();
    await Promise.all([
      ok(a, writer.key, RECORD, { points: accuracyPoints(target, 10, 0.5, now - 1000) }),
      ok(b, writer.key, RECORD, { points: accuracyPoints(target, 10, 0.4, now) }),
    ]);
    const firing = await eventually(() => onB.events.find((e) => e.alertChanged.alert.state === 'FIRING'), 'FIRING heard on B');
    const alertId = firing.alertChanged.alert.id;

    const ack = await ok(b, writer.key, 'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledgedBy } }', { id: alertId });
    expect(ack.acknowledgeAlert.acknowledgedBy).toBe(writer.apiKey.id);

    const later = Date.now();
    await Promise.all([
      ok(a, writer.key, RECORD, { points: accuracyPoints(target, 100, 0.99, later - 2000) }),
      ok(b, writer.key, RECORD, { points: accuracyPoints(target, 100, 0.98, later) }),
    ]);
    await eventually(() => onB.events.find((e) => e.alertChanged.alert.state === 'RESOLVED'), 'RESOLVED heard on B');
    await eventually(() => onA.events.find((e) => e.alertChanged.alert.state === 'RESOLVED'), 'RESOLVED heard on A');

    const states = ['PENDING', 'FIRING', 'ACKNOWLEDGED', 'RESOLVED'];
    expect(onB.events.map((e) => e.alertChanged.alert.state)).toEqual(states);
    expect(onA.events.map((e) => e.alertChanged.alert.state)).toEqual(states);
    const log = await eventually(async () => {
      const d = (await ok(a, reader, DELIVERIES)).webhookDeliveries as any[];
      return d.length >= 4 && d.every((x) => x.status === 'DELIVERED') ? d : undefined;
    }, 'four deliveries');
    expect(log.map((d) => d.event).sort()).toEqual(['ALERT_ACKNOWLEDGED', 'ALERT_FIRING', 'ALERT_PENDING', 'ALERT_RESOLVED']);
    expect(receiver.received.filter((r) => r.verified).map((r) => JSON.parse(r.body).type).sort())
      .toEqual(['alert.acknowledged', 'alert.firing', 'alert.pending', 'alert.resolved']);
    const [alert] = (await ok(b, reader, '{ alerts { id history { state by } } }')).alerts;
    expect(alert.history.map((h: any) => h.state)).toEqual(states);
    expect(alert.history[2].by).toBe(writer.apiKey.id);
    for (const s of [anonymous, onA, onB]) await s.close();
  });
});

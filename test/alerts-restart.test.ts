import { AddressInfo } from 'node:net';
import { WebhookRepository } from '../src/alert/webhook.repository';
import { WebhookEvent } from '../src/alert/webhook.types';
import { App, createApp } from '../src/app/server';
import { loadConfig } from '../src/config';
import { Db } from '../src/db/db';
import { testDb, useGraph } from './support/graph';
import { eventually } from './support/subscriber';
import { Receiver, startReceiver } from './support/webhook-receiver';
import { createModelGraph } from './metrics.fixtures';
import { accuracyPoints, accuracyRule, CREATE_RULE, CREATE_WEBHOOK, DELIVERIES, RECORD } from './alerts.fixtures';

/*
 * Webhook deliveries are kept in Neo4j with the time their next attempt is due, and claimed under
 * a lease before each attempt: a delivery outlives the instance that queued it (another instance,
 * or the same one restarted, sweeps it up), and of two instances after one delivery, one attempts.
 * The useGraph app only sweeps at its start (interval 0), before anything is queued: the instances
 * under test are the ones each test starts and stops.
 */
const common = { MODELGRAPH_AUDIT: 'off', MODELGRAPH_WEBHOOK_ALLOW_NETWORKS: '127.0.0.0/8', MODELGRAPH_WEBHOOK_MAX_ATTEMPTS: '30' };
const graph = useGraph({ ...common, MODELGRAPH_ALERT_INTERVAL_MS: '0' });

interface Instance { app: App; db: Db; url: string; close(): Promise<void> }

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const db = testDb();
  const app = await createApp(db, loadConfig({ ...process.env, ...common, ...env }));
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return { app, db, url, close: async () => { await app.close(); await db.close(); } };
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('webhook deliveries across restarts and instances', () => {
  const started: Instance[] = [];
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    for (const i of started.splice(0)) await i.close();
  });

  it('a delivery queued by an instance that stopped while its receiver was down arrives once a new instance runs', async () => {
    // The receiver's address, then nothing listening there: every attempt is refused.
    const down = await startReceiver(() => '');
    const port = Number(new URL(down.url).port);
    await down.close();
    const secret = (await graph.ok(CREATE_WEBHOOK, { url: down.url, events: ['ALERT_FIRING'] })).createWebhook.secret as string;
    const target = { modelVersion: (await createModelGraph(graph.db)).versions[0] };
    await graph.ok(CREATE_RULE, { input: accuracyRule(target, { forSeconds: 0 }) });

    const first = await startInstance({ MODELGRAPH_ALERT_INTERVAL_MS: '0', MODELGRAPH_WEBHOOK_BACKOFF_MS: '50' });
    started.push(first);
    await post(first.url, RECORD, { points: accuracyPoints(target, 10, 0.4) }); // the alert fires on this instance
    await eventually(async () => {
      const [d] = (await graph.ok(DELIVERIES)).webhookDeliveries as any[];
      return d?.attempts.length >= 2 ? d : undefined;
    }, 'two refused attempts');
    await started.pop()!.close(); // the retry timers go with it
    const [left] = (await graph.ok(DELIVERIES)).webhookDeliveries as any[];
    expect(left.status).toBe('PENDING');
    expect(left.attempts.every((a: any) => a.statusCode === null && /ECONNREFUSED/.test(a.error))).toBe(true);
    const [lease] = await graph.db.runAutoCommit('MATCH (d:WebhookDelivery) RETURN d.leaseUntil AS leaseUntil, d.nextAttemptAt IS NOT NULL AS scheduled');
    expect(lease).toEqual({ leaseUntil: null, scheduled: true }); // stopping released what it held

    receiver = await startReceiver(() => secret, () => 204, port);
    started.push(await startInstance({ MODELGRAPH_ALERT_INTERVAL_MS: '100', MODELGRAPH_WEBHOOK_BACKOFF_MS: '50' }));
    const delivered = await eventually(async () => {
      const [d] = (await graph.ok(DELIVERIES)).webhookDeliveries as any[];
      return d.status === 'DELIVERED' ? d : undefined;
    }, 'the delivery to arrive');
    const n = left.attempts.length;
    expect(delivered.attempts.map((a: any) => a.number)).toEqual(Array.from({ length: n + 1 }, (_, i) => i + 1)); // each attempt once
    expect(delivered.attempts[n]).toMatchObject({ statusCode: 204, error: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ id: delivered.id, verified: true });
    expect(JSON.parse(receiver.received[0].body).type).toBe('alert.firing');
  });

  it('of instances claiming one due delivery at once, exactly one gets it', async () => {
    receiver = await startReceiver(() => '');
    await graph.ok(CREATE_WEBHOOK, { url: receiver.url, events: ['ALERT_FIRING'] });
    const other = testDb();
    try {
      const repos = [new WebhookRepository(graph.db), new WebhookRepository(other), new WebhookRepository(graph.db)];
      for (let round = 0; round < 10; round++) {
        const now = new Date();
        const [id] = await graph.db.write((tx) => repos[0].enqueue(tx, WebhookEvent.ALERT_FIRING, ['{}'], now));
        const lease = new Date(now.getTime() + 60_000);
        const claims = await Promise.all(repos.map((r, i) => r.claim([id], now, `claim-${i}`, lease)));
        expect(claims.map((c) => c.length).sort()).toEqual([0, 0, 1]);
        // Leased: no one else claims it, not even the holder again, until the lease runs out.
        expect(await repos[1].claim([id], now, 'late', lease)).toEqual([]);
        expect(await repos[1].claim([id], new Date(lease.getTime() + 1), 'after-lease', new Date(lease.getTime() + 60_000))).toHaveLength(1);
      }
      expect(await repos[0].due(new Date(), 100)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

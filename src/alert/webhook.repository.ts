import { Db, Tx } from '../db/db';
import { RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { DeliveryStatus, Webhook, WebhookAttempt, WebhookDelivery, WebhookEvent } from './webhook.types';

type WebhookRow = RowOf<typeof Q.webhookWebhooks>['webhook'];
export type DeliveryTarget = RowOf<typeof Q.webhookClaimDeliveries>;

/** The only code that talks to Neo4j about webhooks and their delivery log. */
export class WebhookRepository {
  constructor(private readonly db: Db) {}

  async create(webhook: { id: string; url: string; secret: string; events: WebhookEvent[] }): Promise<Webhook> {
    return toWebhook((await this.db.write((tx) => tx.run(Q.webhookCreateWebhook, { webhook })))[0].webhook);
  }

  async delete(id: string): Promise<Webhook | undefined> {
    const row = await this.db.write((tx) => tx.one(Q.webhookDeleteWebhook, { id }));
    return row && toWebhook(row.webhook);
  }

  async list(): Promise<Webhook[]> {
    return (await this.db.readOne((tx) => tx.run(Q.webhookWebhooks, {}))).map((r) => toWebhook(r.webhook));
  }

  /** The ids of the deliveries made, one per event and webhook that wants its type. */
  async enqueue(tx: Tx, event: WebhookEvent, bodies: string[], now: Date): Promise<string[]> {
    return (await tx.run(Q.webhookEnqueueDeliveries, { event, bodies, now })).map((r) => r.id);
  }

  /** The ids of at most `limit` pending deliveries due by `now` that no one holds a lease on. */
  async due(now: Date, limit: number): Promise<string[]> {
    return (await this.db.readOne((tx) => tx.run(Q.webhookDueDeliveries, { now, limit }))).map((r) => r.id);
  }

  /** Leases those of `ids` still due and free to `claim` until `leaseUntil`: what their attempts need. */
  async claim(ids: string[], now: Date, claim: string, leaseUntil: Date): Promise<DeliveryTarget[]> {
    if (!ids.length) return [];
    return this.db.write((tx) => tx.run(Q.webhookClaimDeliveries, { ids, now, claim, leaseUntil }));
  }

  /** Records the attempt made under `claim`, with the next one's time while the delivery stays pending. */
  async recordAttempt(id: string, claim: string, attempt: WebhookAttempt, status: DeliveryStatus, nextAttemptAt: Date | null): Promise<void> {
    await this.db.write((tx) => tx.run(Q.webhookRecordAttempt, { id, claim, attempt: JSON.stringify(attempt), status, nextAttemptAt }));
  }

  async deliveries(webhookId: string | null, status: DeliveryStatus | null, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.webhookDeliveries, { webhookId, status, limit }));
    return rows.map(({ delivery: d }) => ({
      id: d.id, webhookId: d.webhookId, event: d.event as WebhookEvent, status: d.status as DeliveryStatus, body: d.body, createdAt: d.createdAt,
      attempts: d.attempts.map((a) => {
        const parsed = JSON.parse(a) as WebhookAttempt & { at: string };
        return { ...parsed, at: new Date(parsed.at) };
      }),
    }));
  }
}

function toWebhook(w: WebhookRow): Webhook {
  return { id: w.id, url: w.url, events: w.events as WebhookEvent[], createdAt: w.createdAt };
}

import { Db, Tx } from '../db/db';
import { RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { DeliveryStatus, Webhook, WebhookAttempt, WebhookDelivery, WebhookEvent } from './webhook.types';

type WebhookRow = RowOf<typeof Q.webhookWebhooks>['webhook'];
export type DeliveryTarget = RowOf<typeof Q.webhookDeliveryTarget>;

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
    return (await this.db.read((tx) => tx.run(Q.webhookWebhooks, {}))).map((r) => toWebhook(r.webhook));
  }

  /** The ids of the deliveries made, one per webhook that wants the event. */
  async enqueue(tx: Tx, event: WebhookEvent, body: string): Promise<string[]> {
    return (await tx.run(Q.webhookEnqueueDeliveries, { event, body })).map((r) => r.id);
  }

  async target(id: string): Promise<DeliveryTarget | undefined> {
    return this.db.read((tx) => tx.one(Q.webhookDeliveryTarget, { id }));
  }

  async recordAttempt(id: string, attempt: WebhookAttempt, status: DeliveryStatus): Promise<void> {
    await this.db.write((tx) => tx.run(Q.webhookRecordAttempt, { id, attempt: JSON.stringify(attempt), status }));
  }

  async deliveries(webhookId: string | null, status: DeliveryStatus | null, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db.read((tx) => tx.run(Q.webhookDeliveries, { webhookId, status, limit }));
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

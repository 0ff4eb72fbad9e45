import { randomBytes, randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError } from '../common/errors';
import { WebhookAddressPolicy } from './webhook-url';
import { WebhookRepository } from './webhook.repository';
import { CreatedWebhook, DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from './webhook.types';

const SECRET_PREFIX = 'whsec_';

/** Webhook endpoints and their delivery log. Delivering is WebhookDispatcher's. */
export class WebhookService {
  constructor(private readonly repo: WebhookRepository, private readonly policy: WebhookAddressPolicy, private readonly maxPageSize: number) {}

  async create(urlInput: string, events: WebhookEvent[], secretInput?: string | null): Promise<CreatedWebhook> {
    const url = await this.policy.check(urlInput, 'url');
    if (!events.length) throw new BadInputError('events must name at least one event.', 'events');
    const secret = secretInput ?? SECRET_PREFIX + randomBytes(32).toString('base64');
    checkSecret(secret);
    const webhook = await this.repo.create({ id: randomUUID(), url: url.toString(), secret, events: [...new Set(events)] });
    return { webhook, secret };
  }

  async delete(id: string): Promise<Webhook> {
    const webhook = await this.repo.delete(id);
    if (!webhook) throw new NotFoundError('Webhook', id, 'id');
    return webhook;
  }

  list(): Promise<Webhook[]> {
    return this.repo.list();
  }

  deliveries(webhookId: string | null | undefined, status: DeliveryStatus | null | undefined, first: number | null | undefined): Promise<WebhookDelivery[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > this.maxPageSize) {
      throw new BadInputError(`first must be from 1 to ${this.maxPageSize}.`, 'first');
    }
    return this.repo.deliveries(webhookId ?? null, status ?? null, limit);
  }
}

/** A Standard Webhooks secret: whsec_ and the base64 of 24 to 64 random bytes. */
function checkSecret(secret: string): void {
  const raw = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64').length : 0;
  if (bytes < 24 || bytes > 64) throw new BadInputError('secret must be whsec_ followed by the base64 of 24 to 64 bytes.', 'secret');
}

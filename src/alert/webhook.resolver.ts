import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WebhookService } from './webhook.service';
import { CreatedWebhook, DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from './webhook.types';

@Resolver()
export class WebhookResolver {
  constructor(private readonly service: WebhookService) {}

  @Mutation(() => CreatedWebhook, {
    description: 'A webhook: events of the given types are posted to url (http/https; loopback and private addresses refused '
      + 'unless MODELGRAPH_WEBHOOK_ALLOW_NETWORKS allows them; redirects not followed), signed as Standard Webhooks says.',
  })
  createWebhook(@Arg('url') url: string, @Arg('events', () => [WebhookEvent]) events: WebhookEvent[],
                @Arg('secret', () => String, { nullable: true, description: 'whsec_ + base64 of 24 to 64 bytes; default: a new random one.' }) secret?: string) {
    return this.service.create(url, events, secret);
  }

  @Mutation(() => Webhook, { description: 'Deletes a webhook; its delivery log stays, its pending deliveries stop.' })
  deleteWebhook(@Arg('id', () => ID) id: string) { return this.service.delete(id); }

  @Query(() => [Webhook], { description: 'Every webhook, oldest first (their secrets are never shown again).' })
  webhooks() { return this.service.list(); }

  @Query(() => [WebhookDelivery], { description: 'The delivery log, newest first, with every attempt.' })
  webhookDeliveries(@Arg('webhook', () => ID, { nullable: true }) webhook?: string,
                    @Arg('status', () => DeliveryStatus, { nullable: true }) status?: DeliveryStatus,
                    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default 50).' }) first?: number) {
    return this.service.deliveries(webhook, status, first);
  }
}

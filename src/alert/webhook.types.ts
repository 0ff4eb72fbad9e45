import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WebhookEvent {
  ALERT_PENDING = 'ALERT_PENDING', ALERT_FIRING = 'ALERT_FIRING', ALERT_ACKNOWLEDGED = 'ALERT_ACKNOWLEDGED',
  ALERT_RESOLVED = 'ALERT_RESOLVED', ENSEMBLE_WEIGHTS_CHANGED = 'ENSEMBLE_WEIGHTS_CHANGED',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'What a webhook is told of; the body\'s `type` is the name in lower case with a dot: alert.firing, ensemble.weights_changed.',
});

/** The `type` of a delivered body: ALERT_FIRING → alert.firing. */
export function eventType(event: WebhookEvent): string {
  return event.toLowerCase().replace('_', '.');
}

export enum DeliveryStatus { PENDING = 'PENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED' }
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'PENDING: being attempted; FAILED: every attempt failed.' });

@ObjectType({ description: 'An endpoint that events are posted to, signed as Standard Webhooks says.' })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [WebhookEvent]) events!: WebhookEvent[];
  @Field() createdAt!: Date;
}

@ObjectType()
export class CreatedWebhook {
  @Field(() => Webhook) webhook!: Webhook;
  @Field({ description: 'The signing secret (whsec_ + base64): shown only now.' }) secret!: string;
}

@ObjectType({ description: 'One try at posting a delivery.' })
export class WebhookAttempt {
  @Field(() => Int, { description: '1 for the first try.' }) number!: number;
  @Field() at!: Date;
  @Field(() => Int, { nullable: true, description: 'The HTTP status answered (null: no answer).' }) statusCode!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it failed (null: it succeeded).' }) error!: string | null;
  @Field(() => Int) durationMs!: number;
}

@ObjectType({ description: 'One event posted (or being posted) to one webhook, with every attempt.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The webhook-id header: the same on every attempt.' }) id!: string;
  @Field(() => ID) webhookId!: string;
  @Field(() => WebhookEvent) event!: WebhookEvent;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field({ description: 'The JSON body posted.' }) body!: string;
  @Field() createdAt!: Date;
  @Field(() => [WebhookAttempt]) attempts!: WebhookAttempt[];
}

import { Arg, Field, Float, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { log } from '../common/log';
import { Transactions } from '../db/db';
import { EventBus } from '../events/event-bus';
import { EnsembleWeightsChangedPayload, Topics } from '../events/topics';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEvent } from './webhook.types';

@ObjectType()
export class MemberWeight {
  @Field(() => ID) modelVersionId!: string;
  @Field() model!: string;
  @Field() version!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: 'An ensemble\'s member weights changed (by hand or by its online strategy).' })
export class EnsembleWeightsChange {
  @Field(() => ID) ensembleId!: string;
  @Field() ensemble!: string;
  @Field({ description: 'When the new weights took effect.' }) at!: Date;
  @Field() reason!: string;
  @Field(() => [MemberWeight]) weights!: MemberWeight[];
}

@Resolver()
export class EnsembleWeightsResolver {
  @Subscription(() => EnsembleWeightsChange, {
    topics: Topics.ENSEMBLE_WEIGHTS_CHANGED,
    filter: ({ payload, args }) => !(args as { ensemble?: string }).ensemble
      || (payload as EnsembleWeightsChangedPayload).ensemble === (args as { ensemble?: string }).ensemble,
    description: 'Every change of an ensemble\'s weights, on any instance; optionally of one ensemble (by name).',
  })
  ensembleWeightsChanged(@Root() payload: EnsembleWeightsChangedPayload,
                         @Arg('ensemble', () => String, { nullable: true }) _ensemble?: string): EnsembleWeightsChange {
    return { ...payload, at: new Date(payload.at), weights: payload.weights.map((w) => ({ ...w })) };
  }
}

/**
 * Weight changes go to the webhooks that asked for them, from the instance that made the change
 * only (a local listener: the same event heard from another instance through Redis is not sent
 * again). The changes published in one tick (an outcome batch publishes several) are queued in
 * one transaction, not one each.
 */
export function forwardWeightChanges(events: EventBus, db: Transactions, webhooks: WebhookDispatcher): () => void {
  let pending: EnsembleWeightsChangedPayload[] = [];
  const flush = () => {
    const changes = pending;
    pending = [];
    db.write((tx) => webhooks.enqueue(tx, WebhookEvent.ENSEMBLE_WEIGHTS_CHANGED, changes.map((data) => ({ data, at: new Date() }))))
      .then((ids) => webhooks.dispatch(ids))
      .catch((e: Error) => log.warn({ err: e.message, ensembles: [...new Set(changes.map((c) => c.ensemble))] }, 'Weight changes could not be queued for webhooks'));
  };
  return events.listen(Topics.ENSEMBLE_WEIGHTS_CHANGED, (payload) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(payload as EnsembleWeightsChangedPayload);
  }, { localOnly: true });
}

import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { SUM_TOLERANCE } from '../common/shares';
import { ModelVersion, ModelVersionRef } from '../model/model.types';
import { EnsembleStrategy, EnsembleStrategyInput, EnsembleStrategyParameters, OutcomeLoss } from './strategy.types';

/** A weighted combination of model versions, served as one. */
@ObjectType({ description: 'An ensemble: model versions combined with weights, whose membership changes over time.' })
export class Ensemble {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() createdAt!: Date;
  @Field(() => EnsembleStrategy, { description: 'How its weights follow the outcomes posted to it (STATIC until set).' }) strategy!: EnsembleStrategy;
  @Field(() => OutcomeLoss, { nullable: true, description: 'How outcomes are scored; null until set.' }) loss!: OutcomeLoss | null;
  @Field(() => EnsembleStrategyParameters) strategyParameters!: EnsembleStrategyParameters;
}

/** One MEMBER edge: a version's weight in the ensemble over [from, to). */
@ObjectType({ description: 'A model version in an ensemble with its weight, from `from` until `to` (null while it holds).' })
export class EnsembleMember {
  @Field(() => ModelVersion) modelVersion!: ModelVersion;
  @Field(() => Float) weight!: number;
  @Field() from!: Date;
  @Field(() => Date, { nullable: true }) to!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why this membership was opened, as given.' }) reason!: string | null;
}

@ObjectType() export class EnsembleConnection extends Connection(Ensemble) {}

export const WEIGHT_RULE = `Weights must be finite and > 0, and together sum to 1 (within ${SUM_TOLERANCE}); they are validated, not normalized.`;

@InputType({ description: `A member and its weight. ${WEIGHT_RULE}` })
export class EnsembleMemberInput {
  @Field(() => ModelVersionRef) modelVersion!: ModelVersionRef;
  @Field(() => Float) weight!: number;
}

@InputType({ description: 'Creates an ensemble or updates it; members replace the current membership (see setEnsembleMembers).' })
export class UpsertEnsembleInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [EnsembleMemberInput], { description: `The full membership. ${WEIGHT_RULE}` }) members!: EnsembleMemberInput[];
  @Field(() => String, { nullable: true, description: 'Why the membership changed.' }) reason?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the change took effect (default now); for backfills, after the latest change, not in the future. '
      + 'Also the createdAt of a new ensemble.',
  })
  at?: Date | null;
  @Field(() => EnsembleStrategyInput, { nullable: true, description: 'Sets the strategy (see setEnsembleStrategy); left out, it stays as it is (STATIC for a new ensemble).' })
  strategy?: EnsembleStrategyInput | null;
}

@InputType()
export class EnsembleFilter {
  @Field({ nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
}

import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ModelVersionRef } from '../../model/model.types';

@InputType({ description: 'One member\'s prediction: the member by `member` or `modelVersion`, and either `probabilities` or `value`.' })
export class MemberPredictionInput {
  @Field(() => String, { nullable: true, description: 'A member by its model version id or "model@version".' }) member?: string | null;
  @Field(() => ModelVersionRef, { nullable: true }) modelVersion?: ModelVersionRef | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Classification: { class: probability }, summing to 1 (within 0.01).' })
  probabilities?: Record<string, unknown> | null;
  @Field(() => Float, { nullable: true, description: 'Regression: the predicted value. Classification: the probability of class "1" (against "0").' })
  value?: number | null;
}

@InputType({ description: 'What the ensemble\'s members predicted for one case, and what it turned out to be.' })
export class OutcomeInput {
  @Field({ description: 'When the prediction was served (not in the future). Weight changes are recorded at these times.' }) timestamp!: Date;
  @Field(() => [MemberPredictionInput], { description: 'One per current member.' }) predictions!: MemberPredictionInput[];
  @Field(() => GraphQLJSON, { description: 'The truth: a class (string or number) for ZERO_ONE and LOG_LOSS, a number for SQUARED and ABSOLUTE.' })
  label!: unknown;
}

@ObjectType({ description: 'A member\'s weight as the ensemble\'s learning has it.' })
export class OutcomeMemberWeight {
  @Field(() => ID) modelVersionId!: string;
  @Field() model!: string;
  @Field() version!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType()
export class RecordOutcomesResult {
  @Field(() => Int, { description: 'Outcomes this call counted (0 for a batch whose idempotency key was seen).' }) outcomes!: number;
  @Field({ description: 'The idempotency key was seen before: nothing was counted again.' }) duplicate!: boolean;
  @Field(() => Int, { description: 'Outcomes the ensemble has learned from since its strategy was last set.' }) totalOutcomes!: number;
  @Field(() => Int, { description: 'Weight changes recorded as membership history by this call.' }) weightChanges!: number;
  @Field(() => Int, { description: 'Rolling loss/accuracy points recorded (metric series outcome.loss, outcome.accuracy).' }) metricPoints!: number;
  @Field(() => [OutcomeMemberWeight], {
    description: 'The weights now, which serve the next outcome; recorded as membership no more often than MODELGRAPH_ENSEMBLE_WEIGHT_INTERVAL_MS of outcome time.',
  })
  weights!: OutcomeMemberWeight[];
}

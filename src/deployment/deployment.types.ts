import { createUnionType, Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { CREATED_AT } from '../common/world-time';
import { SUM_TOLERANCE } from '../common/shares';
import { Ensemble } from '../ensemble/ensemble.types';
import { ModelVersion, ModelVersionRef } from '../model/model.types';

/** A serving endpoint in an environment; what it serves changes over time (SERVES edges). */
@ObjectType({ description: 'A deployment: an endpoint in an environment that serves model versions and ensembles over time.' })
export class Deployment {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() environment!: string;
  @Field(() => String, { nullable: true }) endpoint!: string | null;
  @Field() createdAt!: Date;
  @Field({ description: 'True once undeployed: it serves nothing and takes no more traffic changes.' }) retired!: boolean;
  @Field(() => Date, { nullable: true }) retiredAt!: Date | null;
  /** Why it was undeployed; shown in `history`. */
  retiredReason!: string | null;
}

export const ServedTarget = createUnionType({
  name: 'ServedTarget',
  description: 'What a deployment serves: a model version or an ensemble.',
  types: () => [ModelVersion, Ensemble] as const,
  // Rows are plain objects: a model version is the one with a modelId.
  resolveType: (value) => ('modelId' in value ? 'ModelVersion' : 'Ensemble'),
});

/** One SERVES edge: a target and its share of traffic over [from, to). */
@ObjectType({ description: 'A target served with a share of the traffic, from `from` until `to` (null while it holds).' })
export class DeploymentServing {
  @Field(() => ServedTarget) target!: ModelVersion | Ensemble;
  @Field(() => Float, { description: 'In (0, 1]; the shares served at one time sum to 1.' }) trafficShare!: number;
  @Field() from!: Date;
  @Field(() => Date, { nullable: true }) to!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why this serving began, as given.' }) reason!: string | null;
}

@ObjectType({ description: 'A change of what a deployment serves: when, why, and what it served right after.' })
export class DeploymentChange {
  @Field() at!: Date;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [DeploymentServing], { description: 'Empty after an undeploy.' }) serving!: DeploymentServing[];
}

@ObjectType() export class DeploymentConnection extends Connection(Deployment) {}

@InputType()
export class UpsertDeploymentInput {
  @Field() name!: string;
  @Field() environment!: string;
  @Field(() => String, { nullable: true }) endpoint?: string | null;
  @Field(() => Date, { nullable: true, description: CREATED_AT }) at?: Date | null;
}

@InputType({ description: 'What to serve: exactly one of a model version or an ensemble (by name).' })
export class DeploymentTargetInput {
  @Field(() => ModelVersionRef, { nullable: true }) modelVersion?: ModelVersionRef;
  @Field(() => String, { nullable: true }) ensemble?: string;
}

@InputType({ description: `A target and its share of traffic: in (0, 1]; all shares sum to 1 (within ${SUM_TOLERANCE}).` })
export class TrafficShareInput {
  @Field(() => DeploymentTargetInput) target!: DeploymentTargetInput;
  @Field(() => Float) share!: number;
}

@InputType()
export class DeploymentFilter {
  @Field({ nullable: true }) environment?: string;
}

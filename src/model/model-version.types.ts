import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DatasetVersion, DatasetVersionRef } from '../dataset/dataset.types';
import { Feature, FeatureRef } from '../feature/feature.types';
import { ModelVersion } from './model.types';

export enum TrainingRole { TRAIN = 'TRAIN', VALIDATION = 'VALIDATION', TEST = 'TEST' }
registerEnumType(TrainingRole, { name: 'TrainingRole', description: 'The part a dataset version played in training a model version.' });

@ObjectType({ description: 'A dataset version a model version was trained on, and the part it played.' })
export class TrainingData {
  @Field(() => DatasetVersion) datasetVersion!: DatasetVersion;
  @Field(() => TrainingRole) role!: TrainingRole;
}

@ObjectType({ description: 'A model version trained on a dataset version, and the part the data played.' })
export class TrainedModel {
  @Field(() => ModelVersion) modelVersion!: ModelVersion;
  @Field(() => TrainingRole) role!: TrainingRole;
}

@ObjectType({ description: 'A feature a model version uses, with its importance to that version.' })
export class FeatureUse {
  @Field(() => Feature) feature!: Feature;
  @Field(() => Float) importance!: number;
}

@ObjectType({ description: 'A model version that uses a feature, with the importance it gives it.' })
export class FeatureUsage {
  @Field(() => ModelVersion) modelVersion!: ModelVersion;
  @Field(() => Float) importance!: number;
}

@ObjectType({ description: 'One version replacing another: the other version, when and why.' })
export class Supersession {
  @Field(() => ModelVersion) modelVersion!: ModelVersion;
  @Field() at!: Date;
  @Field() reason!: string;
}

@InputType()
export class TrainingDataInput {
  @Field(() => DatasetVersionRef) datasetVersion!: DatasetVersionRef;
  @Field(() => TrainingRole) role!: TrainingRole;
}

@InputType()
export class FeatureUseInput {
  @Field(() => FeatureRef) feature!: FeatureRef;
  @Field(() => Float, { description: 'Finite and >= 0.' }) importance!: number;
}

@InputType({ description: 'A new immutable model version; the model is created if it does not exist yet.' })
export class RegisterModelVersionInput {
  @Field({ description: 'The model name.' }) model!: string;
  @Field() version!: string;
  @Field(() => [TrainingDataInput], { defaultValue: [] }) trainedOn!: TrainingDataInput[];
  @Field(() => [FeatureUseInput], { defaultValue: [] }) features!: FeatureUseInput[];
  @Field(() => [String], { defaultValue: [] }) tags!: string[];
  @Field(() => GraphQLJSONObject, { nullable: true }) metrics?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'The runId of the training run (it must exist).' })
  producedByRunId?: string | null;
  @Field({ nullable: true, description: 'When the version came to be (default: now); for backfills.' })
  createdAt?: Date;
}

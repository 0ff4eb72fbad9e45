import { Arg, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DatasetVersion } from '../dataset/dataset.types';
import { Feature } from '../feature/feature.types';
import { ModelService } from './model.service';
import { ModelAliasService } from './model-alias.service';
import { ModelVersionService } from './model-version.service';
import { Model, ModelVersion, ModelVersionRef } from './model.types';
import { FeatureUsage, FeatureUse, RegisterModelVersionInput, Supersession, TrainedModel, TrainingData } from './model-version.types';

@Resolver(() => ModelVersion)
export class ModelVersionResolver {
  constructor(private readonly service: ModelVersionService, private readonly models: ModelService, private readonly aliasService: ModelAliasService) {}

  @Query(() => ModelVersion, { description: 'A model version by id, or by model name + version.' })
  modelVersion(@Arg('ref', () => ModelVersionRef) ref: ModelVersionRef) { return this.service.version(ref); }

  @Mutation(() => ModelVersion, { description: 'Registers an immutable version; the same content again is a no-op, other content a CONFLICT.' })
  registerModelVersion(@Arg('input', () => RegisterModelVersionInput) input: RegisterModelVersionInput) { return this.service.register(input); }

  @Mutation(() => ModelVersion, { description: 'Records that `by` replaced `old` (same model), when and why; returns the old version.' })
  supersedeModelVersion(@Arg('old', () => ModelVersionRef) old: ModelVersionRef, @Arg('by', () => ModelVersionRef) by: ModelVersionRef,
                        @Arg('reason') reason: string,
                        @Arg('at', () => Date, { nullable: true, description: 'When it was replaced (default now); not before `by` existed, not in the future.' }) at?: Date) {
    return this.service.supersede(old, by, reason, at);
  }

  @FieldResolver(() => Model)
  model(@Root() v: ModelVersion) { return this.models.load(v.modelId); }

  @FieldResolver(() => [TrainingData], { description: 'The dataset versions it was trained on, with their role.' })
  trainingData(@Root() v: ModelVersion) { return this.service.trainingData(v.id); }

  @FieldResolver(() => [FeatureUse], { description: 'The features it uses, most important first.' })
  features(@Root() v: ModelVersion) { return this.service.features(v.id); }

  @FieldResolver(() => [String], { description: 'The names of the aliases pointing at it now.' })
  aliases(@Root() v: ModelVersion) { return this.aliasService.namesOf(v.id); }

  @FieldResolver(() => Supersession, { nullable: true, description: 'The version that replaced it, when and why.' })
  supersededBy(@Root() v: ModelVersion) { return this.service.supersededBy(v.id); }

  @FieldResolver(() => [Supersession], { description: 'The versions it replaced.' })
  supersedes(@Root() v: ModelVersion) { return this.service.supersedes(v.id); }
}

/** Adds `trainedModels` to the dataset module's DatasetVersion: the reverse of ModelVersion.trainingData. */
@Resolver(() => DatasetVersion)
export class TrainedModelsResolver {
  constructor(private readonly service: ModelVersionService) {}

  @FieldResolver(() => [TrainedModel], { description: 'The model versions trained on this dataset version, newest first.' })
  trainedModels(@Root() v: DatasetVersion) { return this.service.trainedModels(v.id); }
}

/** Adds `usedBy` to the feature module's Feature: the reverse of ModelVersion.features. */
@Resolver(() => Feature)
export class FeatureUsedByResolver {
  constructor(private readonly service: ModelVersionService) {}

  @FieldResolver(() => [FeatureUsage], { description: 'The model versions that use this feature, newest first.' })
  usedBy(@Root() f: Feature) { return this.service.usedBy(f.id); }
}

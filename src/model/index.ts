import { Module } from '../app/container';
import { ModelRepository } from './model.repository';
import { ModelResolver } from './model.resolver';
import { ModelService } from './model.service';
import { ModelAliasService } from './model-alias.service';
import { ModelVersionRepository } from './model-version.repository';
import { FeatureUsedByResolver, ModelVersionResolver, TrainedModelsResolver } from './model-version.resolver';
import { ModelVersionService } from './model-version.service';

/** Models, their immutable versions, aliases and supersession; needs the dataset and feature modules before it. */
export const modelModule: Module = {
  name: 'model',
  resolvers: [ModelResolver, ModelVersionResolver, TrainedModelsResolver, FeatureUsedByResolver],
  register(c) {
    const models = new ModelRepository(c.db);
    const versions = new ModelVersionRepository(c.db);
    const modelService = c.set(ModelService, new ModelService(models, c.db, c.config.maxPageSize));
    const aliasService = c.set(ModelAliasService, new ModelAliasService(models, versions, c.db));
    const versionService = c.set(ModelVersionService, new ModelVersionService(versions, c.db));
    c.set(ModelResolver, new ModelResolver(modelService, aliasService));
    c.set(ModelVersionResolver, new ModelVersionResolver(versionService, modelService, aliasService));
    c.set(TrainedModelsResolver, new TrainedModelsResolver(versionService));
    c.set(FeatureUsedByResolver, new FeatureUsedByResolver(versionService));
  },
};

import { Module } from '../app/container';
import { FeatureRepository } from './feature.repository';
import { FeatureResolver, FieldFeaturesResolver } from './feature.resolver';
import { FeatureService } from './feature.service';

export const featureModule: Module = {
  name: 'feature',
  resolvers: [FeatureResolver, FieldFeaturesResolver],
  register(c) {
    const service = c.set(FeatureService, new FeatureService(new FeatureRepository(c.db), c.db, c.config.maxPageSize));
    c.set(FeatureResolver, new FeatureResolver(service));
    c.set(FieldFeaturesResolver, new FieldFeaturesResolver(service));
  },
};

import { Module } from '../app/container';
import { DatasetRepository } from './dataset.repository';
import { DatasetResolver, DatasetVersionResolver, SchemaFieldResolver } from './dataset.resolver';
import { DatasetService } from './dataset.service';

export const datasetModule: Module = {
  name: 'dataset',
  resolvers: [DatasetResolver, DatasetVersionResolver, SchemaFieldResolver],
  register(c) {
    const service = c.set(DatasetService, new DatasetService(new DatasetRepository(c.db), c.db, c.config.maxPageSize));
    c.set(DatasetResolver, new DatasetResolver(service));
    c.set(DatasetVersionResolver, new DatasetVersionResolver(service));
    c.set(SchemaFieldResolver, new SchemaFieldResolver(service));
  },
};

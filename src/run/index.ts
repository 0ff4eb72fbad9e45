import { Module } from '../app/container';
import { RunRepository } from './run.repository';
import { DatasetVersionRunResolver, JobResolver, ModelVersionRunResolver, RunResolver } from './run.resolver';
import { RunService } from './run.service';

export const runModule: Module = {
  name: 'run',
  resolvers: [JobResolver, RunResolver, ModelVersionRunResolver, DatasetVersionRunResolver],
  register(c) {
    const service = c.set(RunService, new RunService(new RunRepository(c.db), c.db, c.config.maxPageSize));
    c.set(JobResolver, new JobResolver(service));
    c.set(RunResolver, new RunResolver(service));
    c.set(ModelVersionRunResolver, new ModelVersionRunResolver(service));
    c.set(DatasetVersionRunResolver, new DatasetVersionRunResolver(service));
  },
};

import { Module } from '../app/container';
import { ModelVersionService } from '../model/model-version.service';
import { EnsembleRepository } from './ensemble.repository';
import { EnsembleResolver, ModelVersionEnsembleResolver } from './ensemble.resolver';
import { EnsembleService } from './ensemble.service';

/** Ensembles of model versions; needs the model module before it (members are resolved by its service). */
export const ensembleModule: Module = {
  name: 'ensemble',
  resolvers: [EnsembleResolver, ModelVersionEnsembleResolver],
  register(c) {
    const service = c.set(EnsembleService, new EnsembleService(new EnsembleRepository(c.db), c.db, c.get(ModelVersionService), c.config.maxPageSize, c.events));
    c.set(EnsembleResolver, new EnsembleResolver(service));
    c.set(ModelVersionEnsembleResolver, new ModelVersionEnsembleResolver(service));
  },
};

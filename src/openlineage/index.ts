import { Module } from '../app/container';
import { LineageRepository } from './lineage.repository';
import { mountLineageRoutes } from './lineage.routes';
import { LineageService } from './lineage.service';

/** OpenLineage ingestion: HTTP routes only; what it writes is read through the dataset and run modules. */
export const openLineageModule: Module = {
  name: 'openlineage',
  resolvers: [],
  register(c) {
    c.set(LineageService, new LineageService(new LineageRepository(), c.db));
  },
  routes(app, c) {
    mountLineageRoutes(app, c.get(LineageService), c.config.limits.maxLineageBytes, c.config.limits.requestTimeoutMs);
  },
};

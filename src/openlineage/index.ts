import { Module } from '../app/container';
import { OpenLineageIngestRepository } from './ingest.repository';
import { mountLineageRoutes } from './lineage.routes';
import { OpenLineageIngestService } from './ingest.service';

/** OpenLineage ingestion: HTTP routes only; what it writes is read through the dataset and run modules. */
export const openLineageModule: Module = {
  name: 'openlineage',
  resolvers: [],
  register(c) {
    c.set(OpenLineageIngestService, new OpenLineageIngestService(new OpenLineageIngestRepository(), c.db));
  },
  routes(app, c) {
    mountLineageRoutes(app, c.get(OpenLineageIngestService), c.config.limits.maxLineageBytes, c.config.limits.requestTimeoutMs);
  },
};

import { Module } from '../app/container';
import { FieldDerivationRepository } from './field-derivation.repository';
import { FieldDerivationResolver, FieldDerivationService } from './field-derivation.resolver';
import { OpenLineageIngestRepository } from './ingest.repository';
import { mountLineageRoutes } from './lineage.routes';
import { OpenLineageIngestService } from './ingest.service';

/**
 * OpenLineage ingestion: HTTP routes; what it writes is read through the dataset and run modules,
 * but for column lineage with its transformations (Field.derivedFrom).
 */
export const openLineageModule: Module = {
  name: 'openlineage',
  resolvers: [FieldDerivationResolver],
  register(c) {
    c.set(OpenLineageIngestService, new OpenLineageIngestService(new OpenLineageIngestRepository(), c.db));
    c.set(FieldDerivationResolver, new FieldDerivationResolver(new FieldDerivationService(new FieldDerivationRepository(c.db))));
  },
  routes(app, c) {
    mountLineageRoutes(app, c.get(OpenLineageIngestService), c.config.limits.maxLineageBytes, c.config.limits.requestTimeoutMs, c.config.limits.requestConcurrency);
  },
};

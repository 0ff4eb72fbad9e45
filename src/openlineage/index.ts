import { Module } from '../app/container';
import { FieldDerivationRepository } from './field-derivation.repository';
import { FieldDerivationResolver, FieldDerivationService } from './field-derivation.resolver';
import { OpenLineageIngestRepository } from './ingest.repository';
import { mountLineageRoutes } from './lineage.routes';
import { OpenLineageIngestService } from './ingest.service';
import { LineageEventRepository } from './event-store.repository';
import { LineageEventStore } from './event-store';
import { mountEventStoreRoutes } from './event-store.routes';
import { startRetention } from './event-retention';

/**
 * OpenLineage ingestion: HTTP routes; what it writes is read through the dataset and run modules,
 * but for column lineage with its transformations (Field.derivedFrom). Accepted events are also
 * kept as received (event-store.ts), listed at GET /api/v1/events/lineage.
 */
export const openLineageModule: Module = {
  name: 'openlineage',
  resolvers: [FieldDerivationResolver],
  register(c) {
    const store = c.set(LineageEventStore, new LineageEventStore(new LineageEventRepository(c.db), c.config.lineageEvents.retentionDays));
    c.set(OpenLineageIngestService, new OpenLineageIngestService(new OpenLineageIngestRepository(), c.db, store));
    c.set(FieldDerivationResolver, new FieldDerivationResolver(new FieldDerivationService(new FieldDerivationRepository(c.db))));
  },
  routes(app, c) {
    mountLineageRoutes(app, c.get(OpenLineageIngestService), c.config.limits.maxLineageBytes, c.config.limits.requestTimeoutMs, c.config.limits.requestConcurrency);
    mountEventStoreRoutes(app, c.get(LineageEventStore), c.config.maxPageSize, c.config.limits.requestTimeoutMs);
  },
  start(c) {
    return startRetention(c.get(LineageEventStore), c.config.lineageEvents.pruneIntervalMs);
  },
};

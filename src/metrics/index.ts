import { Module } from '../app/container';
import { driftResolvers, registerDrift } from '../drift';
import { traversalLimits } from '../lineage';
import { LineageRepository } from '../lineage/lineage.repository';
import { PassCoercedPoints } from './coerced-points';
import { MetricEventsService } from './metric-events';
import { MetricsRepository } from './metrics.repository';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';

/** Quality over time (metric series and events) and dataset diffs. Needs the dataset module. */
export const metricsModule: Module = {
  name: 'metrics',
  resolvers: [MetricsResolver, ...driftResolvers],
  register(c) {
    const repo = new MetricsRepository(c.db);
    // Registered: it is the one path metric points are recorded by (outcome batches use it too).
    const metrics = c.set(MetricsService, new MetricsService(repo, c.db));
    const resolver = c.set(MetricsResolver, new MetricsResolver(metrics, new MetricEventsService(repo, new LineageRepository(c.db, c.config.traversal), c.db, traversalLimits(c.config))));
    c.set(PassCoercedPoints, new PassCoercedPoints(resolver));
    registerDrift(c);
  },
};

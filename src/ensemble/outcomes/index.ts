import { Module } from '../../app/container';
import { MetricsService } from '../../metrics/metrics.service';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesResolver } from './outcomes.resolver';
import { mountOutcomeRoutes } from './outcomes.routes';
import { OutcomesService } from './outcomes.service';

/** Outcomes of ensembles' predictions and the online learning of their weights; needs the metrics module before it. */
export const outcomesModule: Module = {
  name: 'outcomes',
  resolvers: [OutcomesResolver],
  register(c) {
    const { weightIntervalMs, metricIntervalMs, rolling } = c.config.outcomes;
    const service = c.set(OutcomesService, new OutcomesService(new OutcomesRepository(), c.db, c.get(MetricsService), c.events,
      { weightIntervalMs, metricIntervalMs, rolling }));
    c.set(OutcomesResolver, new OutcomesResolver(service));
  },
  routes(app, c) {
    mountOutcomeRoutes(app, c.get(OutcomesService), c.config.outcomes.maxBytes, c.config.limits.requestTimeoutMs, c.config.limits.requestConcurrency);
  },
};

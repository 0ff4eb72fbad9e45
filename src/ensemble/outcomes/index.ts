import { Module } from '../../app/container';
import { MetricsService } from '../../metrics/metrics.service';
import { OutcomeKeyRetention } from './outcome-key-retention';
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
    const repo = new OutcomesRepository();
    const service = c.set(OutcomesService, new OutcomesService(repo, c.db, c.get(MetricsService), c.events,
      { weightIntervalMs, metricIntervalMs, rolling }));
    c.set(OutcomeKeyRetention, new OutcomeKeyRetention(repo, c.db, c.config.outcomes.keyRetentionHours));
    c.set(OutcomesResolver, new OutcomesResolver(service));
  },
  routes(app, c) {
    mountOutcomeRoutes(app, c.get(OutcomesService), c.config.outcomes.maxBytes, c.config.limits.requestTimeoutMs, c.config.limits.requestConcurrency);
  },
  start(c) {
    return c.get(OutcomeKeyRetention).start(c.config.outcomes.keyPruneIntervalMs);
  },
};

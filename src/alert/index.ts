import { Module } from '../app/container';
import { MetricsService } from '../metrics/metrics.service';
import { AlertEvaluator } from './alert-evaluator';
import { AlertRuleService } from './alert-rule.service';
import { AlertTransitions } from './alert-transitions';
import { AlertRepository } from './alert.repository';
import { AlertResolver } from './alert.resolver';
import { AlertService } from './alert.service';
import { EnsembleWeightsResolver, forwardWeightChanges } from './ensemble-weights';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookAddressPolicy } from './webhook-url';
import { WebhookRepository } from './webhook.repository';
import { WebhookResolver } from './webhook.resolver';
import { WebhookService } from './webhook.service';

/**
 * Alerts on metric series, webhooks, and the subscriptions alertChanged and ensembleWeightsChanged.
 * Needs the metrics module before it: rules are evaluated when its MetricsService records points.
 */
export const alertModule: Module = {
  name: 'alert',
  resolvers: [AlertResolver, WebhookResolver, EnsembleWeightsResolver],
  register(c) {
    const policy = new WebhookAddressPolicy(c.config.webhooks.allowNetworks);
    const webhookRepo = new WebhookRepository(c.db);
    const dispatcher = c.set(WebhookDispatcher, new WebhookDispatcher(webhookRepo, policy, c.config.webhooks));
    const repo = new AlertRepository(c.db);
    const transitions = new AlertTransitions(c.db, repo, dispatcher, c.events);
    const evaluator = c.set(AlertEvaluator, new AlertEvaluator(repo, transitions));
    c.set(AlertResolver, new AlertResolver(new AlertRuleService(repo, c.db, transitions), new AlertService(repo, c.db, transitions, c.config.maxPageSize)));
    c.set(WebhookResolver, new WebhookResolver(new WebhookService(webhookRepo, policy, c.config.maxPageSize)));
    c.set(EnsembleWeightsResolver, new EnsembleWeightsResolver());
    c.get(MetricsService).onRecorded((seriesIds) => void evaluator.seriesChanged(seriesIds));
    const stopForwarding = forwardWeightChanges(c.events, c.db, dispatcher);
    evaluator.start(c.config.alerts.intervalMs);
    c.onClose(async () => {
      stopForwarding();
      await evaluator.stop();
      await dispatcher.close();
    });
  },
  start(c) {
    // Deliveries left due by an instance that stopped (or by this one before a restart).
    return c.get(WebhookDispatcher).startSweeping(c.config.alerts.intervalMs);
  },
};

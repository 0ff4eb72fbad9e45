import { randomUUID } from 'node:crypto';
import { Transactions, Tx } from '../db/db';
import { EventBus } from '../events/event-bus';
import { AlertChangedPayload, Topics } from '../events/topics';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEvent } from './webhook.types';
import { AlertRepository, historyEntry } from './alert.repository';
import { Alert, AlertRule, AlertState } from './alert.types';

const WEBHOOK_EVENT: Record<AlertState, WebhookEvent> = {
  [AlertState.PENDING]: WebhookEvent.ALERT_PENDING, [AlertState.FIRING]: WebhookEvent.ALERT_FIRING,
  [AlertState.ACKNOWLEDGED]: WebhookEvent.ALERT_ACKNOWLEDGED, [AlertState.RESOLVED]: WebhookEvent.ALERT_RESOLVED,
};

/**
 * Every change of an alert's state, made once however many instances try: in one transaction the
 * change is made only if the alert is still as the caller saw it (begin: no open alert for the
 * rule and target; move: the expected state), and the webhook deliveries are enqueued with it.
 * Only the transaction that made the change announces it (event bus, then the deliveries).
 */
export class AlertTransitions {
  constructor(private readonly db: Transactions, private readonly repo: AlertRepository,
              private readonly webhooks: WebhookDispatcher, private readonly events: EventBus) {}

  /** Opens an alert for the rule (FIRING at once when its `for` is 0); undefined when one was open already or the rule is gone. */
  async begin(rule: AlertRule, value: number | null, at: Date): Promise<Alert | undefined> {
    const state = rule.forSeconds === 0 ? AlertState.FIRING : AlertState.PENDING;
    return this.announced(at, async (tx) => {
      const begun = await this.repo.begin(tx, `${rule.id}\n${rule.target.id}`, {
        id: randomUUID(), ruleId: rule.id, rule: rule.name, severity: rule.severity, labels: JSON.stringify(rule.labels),
        targetKind: rule.target.kind, targetId: rule.target.id, targetLabel: rule.target.label, metric: rule.metric,
        state, value, startedAt: at, firedAt: state === AlertState.FIRING ? at : null, history: [historyEntry(state, at, value)],
      });
      return begun?.opened ? begun.alert : undefined;
    });
  }

  /** Moves the alert to `state` if it is in one of `expected`; undefined when it was not (another change won). */
  move(alertId: string, expected: AlertState[], state: AlertState, value: number | null, at: Date, by: string | null = null): Promise<Alert | undefined> {
    return this.announced(at, (tx) => this.repo.transition(tx, {
      id: alertId, expected, state, at, value, by, entry: historyEntry(state, at, state === AlertState.ACKNOWLEDGED ? null : value, by),
    }));
  }

  private async announced(at: Date, change: (tx: Tx) => Promise<Alert | undefined>): Promise<Alert | undefined> {
    const made = await this.db.write(async (tx) => {
      const alert = await change(tx);
      if (!alert) return undefined;
      const previousState = alert.history.length > 1 ? alert.history[alert.history.length - 2].state : null;
      const payload: AlertChangedPayload = { previousState, at: at.toISOString(), alert: alertPayload(alert) };
      const deliveries = await this.webhooks.enqueue(tx, WEBHOOK_EVENT[alert.state], [{ data: payload, at }]);
      return { alert, payload, deliveries };
    });
    if (!made) return undefined;
    this.events.publish(Topics.ALERT_CHANGED, made.payload);
    this.webhooks.dispatch(made.deliveries);
    return made.alert;
  }
}

/** The alert as events carry it: JSON-safe, times as ISO strings. */
export function alertPayload(a: Alert): AlertChangedPayload['alert'] {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: a.id, ruleId: a.ruleId, rule: a.rule, severity: a.severity, labels: a.labels, target: { ...a.target }, metric: a.metric,
    state: a.state, value: a.value, startedAt: a.startedAt.toISOString(), firedAt: iso(a.firedAt), resolvedAt: iso(a.resolvedAt),
    acknowledgedAt: iso(a.acknowledgedAt), acknowledgedBy: a.acknowledgedBy,
    history: a.history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}

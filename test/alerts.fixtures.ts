/** GraphQL documents and point streams shared by the alert tests. */
export const CREATE_RULE = `mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { id name target { kind id label } condition forSeconds } }`;
export const CREATE_WEBHOOK = `mutation($url: String!, $events: [WebhookEvent!]!, $secret: String) {
  createWebhook(url: $url, events: $events, secret: $secret) { secret webhook { id url events } } }`;
export const RECORD = `mutation($points: [MetricPointInput!]!) { recordMetrics(points: $points) { points } }`;
export const ALERTS = `query($state: AlertState, $target: MetricTargetInput) {
  alerts(state: $state, target: $target) { id state rule value firedAt resolvedAt acknowledgedBy history { state at value by } } }`;
export const DELIVERIES = `query($webhook: ID) { webhookDeliveries(webhook: $webhook) {
  id event status body attempts { number statusCode error } } }`;
export const ALERT_CHANGED = `subscription($target: MetricTargetInput) {
  alertChanged(target: $target) { previousState alert { id state rule value target { label } history { state } } } }`;

export interface AlertChangedEvent {
  alertChanged: { previousState: string | null; alert: { id: string; state: string; rule: string; value: number | null; target: { label: string }; history: { state: string }[] } };
}

/** `n` accuracy points of `value`, one per 10 ms ending just before now (distinct timestamps). */
export function accuracyPoints(target: Record<string, string>, n: number, value: number, endMs = Date.now()) {
  return Array.from({ length: n }, (_, i) => ({
    target, name: 'accuracy', value, timestamp: new Date(endMs - (n - i) * 10).toISOString(),
  }));
}

/** The rule of the "accuracy degrades" scenario: the 60 s average below 0.8 for 1 s. */
export function accuracyRule(target: Record<string, string>, extra: Record<string, unknown> = {}) {
  return { name: 'accuracy below target', target, metric: 'accuracy', condition: 'BELOW', threshold: 0.8, windowSeconds: 60, forSeconds: 1,
    severity: 'CRITICAL', labels: { team: 'churn' }, ...extra };
}

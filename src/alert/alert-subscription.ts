import { displayLabel, NodeType } from '../graph/node-types';
import { AlertChangedPayload } from '../events/topics';
import { MetricTargetInput } from '../metrics/metrics.types';
import { Alert, AlertChange, AlertSeverity, AlertState, AlertTargetKind } from './alert.types';

/**
 * Whether an alert change is one a subscriber asked for: of the rule, and of the target as a
 * metric target names it (a model version by id or by model + version, a deployment or an
 * ensemble by name). Judged on the event alone: no database read per event and subscriber.
 */
export function alertChangeMatches(payload: AlertChangedPayload, args: { rule?: string | null; target?: MetricTargetInput | null }): boolean {
  const { alert } = payload;
  if (args.rule && alert.ruleId !== args.rule) return false;
  const t = args.target;
  if (!t) return true;
  if (t.modelVersion) return alert.target.kind === AlertTargetKind.MODEL_VERSION && alert.target.id === t.modelVersion;
  if (t.model && t.version) {
    return alert.target.kind === AlertTargetKind.MODEL_VERSION && alert.target.label === displayLabel(NodeType.MODEL_VERSION, { model: t.model, version: t.version });
  }
  if (t.deployment) return alert.target.kind === AlertTargetKind.DEPLOYMENT && alert.target.label === t.deployment;
  if (t.ensemble) return alert.target.kind === AlertTargetKind.ENSEMBLE && alert.target.label === t.ensemble;
  return false;
}

/** The event as its GraphQL type (times back to Dates). */
export function alertChangeOf(payload: AlertChangedPayload): AlertChange {
  const a = payload.alert;
  const date = (s: string | null) => (s ? new Date(s) : null);
  const alert: Alert = {
    id: a.id, ruleId: a.ruleId, rule: a.rule, severity: a.severity as AlertSeverity, labels: a.labels,
    target: { kind: a.target.kind as AlertTargetKind, id: a.target.id, label: a.target.label }, metric: a.metric,
    state: a.state as AlertState, value: a.value, startedAt: new Date(a.startedAt), firedAt: date(a.firedAt), resolvedAt: date(a.resolvedAt),
    acknowledgedAt: date(a.acknowledgedAt), acknowledgedBy: a.acknowledgedBy,
    history: a.history.map((h) => ({ state: h.state as AlertState, at: new Date(h.at), value: h.value, by: h.by })),
  };
  return { previousState: payload.previousState as AlertState | null, at: new Date(payload.at), alert };
}

/**
 * What the service announces while it runs, and to whom it matters: GraphQL subscriptions
 * (graphql-ws), webhooks, and the other instances of the service (through Redis when configured).
 * Payloads are plain JSON-safe objects (ISO times as strings), so any transport can carry them.
 */
export const Topics = {
  /** An ensemble's member weights changed (by hand or by its online strategy). */
  ENSEMBLE_WEIGHTS_CHANGED: 'ensembleWeightsChanged',
  /** An alert changed state (pending, firing, resolved, acknowledged). */
  ALERT_CHANGED: 'alertChanged',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export interface MemberWeightPayload {
  modelVersionId: string;
  model: string;
  version: string;
  weight: number;
}

export interface EnsembleWeightsChangedPayload {
  ensembleId: string;
  ensemble: string;
  /** World time the new weights took effect (ISO 8601). */
  at: string;
  /** Why they changed, e.g. "HEDGE after 500 outcomes" or "setEnsembleMembers". */
  reason: string;
  weights: MemberWeightPayload[];
}

/** An alert as it is after a change of state (times ISO 8601). */
export interface AlertPayload {
  id: string;
  ruleId: string;
  rule: string;
  severity: string;
  labels: Record<string, string>;
  target: { kind: string; id: string; label: string };
  metric: string;
  state: string;
  value: number | null;
  startedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** Every state it went through, oldest first; `by`: the key that acknowledged it. */
  history: { state: string; at: string; value: number | null; by: string | null }[];
}

export interface AlertChangedPayload {
  /** The state it left (null: the alert is new). */
  previousState: string | null;
  /** When it changed (ISO 8601). */
  at: string;
  alert: AlertPayload;
}

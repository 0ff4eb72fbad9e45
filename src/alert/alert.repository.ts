import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { StoredBucket } from '../metrics/aggregation';
import { Target } from '../metrics/metric-points';
import {
  Alert, AlertCondition, AlertRule, AlertSeverity, AlertState, AlertStateChange, AlertTarget, AlertTargetKind,
} from './alert.types';
import { MetricAggregate } from '../metrics/metrics.types';

export type RuleProperties = ParamsOf<typeof Q.alertCreateRule>['rule'];
type RuleRow = RowOf<typeof Q.alertRules>['rule'];
type AlertRow = RowOf<typeof Q.alertAlertById>['alert'];
export type WindowQuery = ParamsOf<typeof Q.alertWindows>['windows'][number];
export type NewAlert = ParamsOf<typeof Q.alertBeginAlert>['alert'];

/** The only code that talks to Neo4j about alert rules and alerts. */
export class AlertRepository {
  constructor(private readonly db: Db) {}

  async resolveTarget(tx: Tx, t: Target): Promise<AlertTarget | undefined> {
    const row = await tx.one(Q.alertResolveTarget, { kind: t.kind, key: t.key, model: t.model, version: t.version });
    return row && { kind: AlertTargetKind[t.kind], id: row.id, label: row.label };
  }

  async createRule(tx: Tx, rule: RuleProperties): Promise<AlertRule> {
    return toRule((await tx.run(Q.alertCreateRule, { rule }))[0].rule);
  }

  async updateRule(tx: Tx, rule: RuleProperties): Promise<AlertRule | undefined> {
    const row = await tx.one(Q.alertUpdateRule, { rule });
    return row && toRule(row.rule);
  }

  async deleteRule(tx: Tx, id: string): Promise<AlertRule | undefined> {
    const row = await tx.one(Q.alertDeleteRule, { id });
    return row && toRule(row.rule);
  }

  async rules(ids: string[] | null): Promise<AlertRule[]> {
    return (await this.db.readOne((tx) => tx.run(Q.alertRules, { ids }))).map((r) => toRule(r.rule));
  }

  async rulesForSeries(seriesIds: string[]): Promise<AlertRule[]> {
    return (await this.db.readOne((tx) => tx.run(Q.alertRulesForSeries, { seriesIds }))).map((r) => toRule(r.rule));
  }

  /** The stored buckets of each window, by its key. */
  async windows(windows: WindowQuery[]): Promise<Map<string, StoredBucket[]>> {
    if (!windows.length) return new Map();
    const rows = await this.db.readOne((tx) => tx.run(Q.alertWindows, { windows }));
    return new Map(rows.map((r) => [r.key, r.buckets]));
  }

  /** The open alert of each rule, by rule id. */
  async openAlerts(ruleIds: string[]): Promise<Map<string, Alert>> {
    if (!ruleIds.length) return new Map();
    const rows = await this.db.readOne((tx) => tx.run(Q.alertOpenAlerts, { ruleIds }));
    return new Map(rows.map((r) => [r.alert.ruleId, toAlert(r.alert)]));
  }

  /** The alert, and whether this call opened it (false: one was open already); undefined when the rule is gone. */
  async begin(tx: Tx, openKey: string, alert: NewAlert): Promise<{ opened: boolean; alert: Alert } | undefined> {
    const row = (await tx.run(Q.alertBeginAlert, { openKey, alert }))[0];
    return row && { opened: row.opened, alert: toAlert(row.alert) };
  }

  /** The alert after the change, or undefined when it was no longer in an expected state. */
  async transition(tx: Tx, p: ParamsOf<typeof Q.alertTransitionAlert>): Promise<Alert | undefined> {
    const row = await tx.one(Q.alertTransitionAlert, p);
    return row && toAlert(row.alert);
  }

  async byId(id: string): Promise<Alert | undefined> {
    const row = await this.db.readOne((tx) => tx.one(Q.alertAlertById, { id }));
    return row && toAlert(row.alert);
  }

  async list(p: ParamsOf<typeof Q.alertAlerts>): Promise<Alert[]> {
    return (await this.db.readOne((tx) => tx.run(Q.alertAlerts, p))).map((r) => toAlert(r.alert));
  }
}

/** One history entry as stored (a JSON string in the alert's `history` list). */
export function historyEntry(state: AlertState, at: Date, value: number | null, by: string | null = null): string {
  return JSON.stringify({ state, at: at.toISOString(), value, by });
}

function toRule(r: RuleRow): AlertRule {
  return {
    id: r.id, name: r.name, metric: r.metric,
    target: { kind: r.targetKind as AlertTargetKind, id: r.targetId, label: r.targetLabel },
    condition: r.condition as AlertCondition, threshold: r.threshold ?? null, aggregate: r.aggregate as MetricAggregate,
    windowSeconds: r.windowSeconds, baselineSeconds: r.baselineSeconds ?? null, forSeconds: r.forSeconds, minPoints: r.minPoints,
    severity: r.severity as AlertSeverity, labels: JSON.parse(r.labels) as Record<string, string>, enabled: r.enabled,
    createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

function toAlert(a: AlertRow): Alert {
  return {
    id: a.id, ruleId: a.ruleId, rule: a.rule, severity: a.severity as AlertSeverity, labels: JSON.parse(a.labels) as Record<string, string>,
    target: { kind: a.targetKind as AlertTargetKind, id: a.targetId, label: a.targetLabel }, metric: a.metric,
    state: a.state as AlertState, value: a.value ?? null, startedAt: a.startedAt, firedAt: a.firedAt ?? null,
    resolvedAt: a.resolvedAt ?? null, acknowledgedAt: a.acknowledgedAt ?? null, acknowledgedBy: a.acknowledgedBy ?? null,
    history: a.history.map((h) => {
      const e = JSON.parse(h) as { state: AlertState; at: string; value: number | null; by: string | null };
      return { state: e.state, at: new Date(e.at), value: e.value, by: e.by } satisfies AlertStateChange;
    }),
  };
}

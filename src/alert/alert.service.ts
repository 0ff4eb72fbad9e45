import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { Transactions } from '../db/db';
import { checkRange, parseTarget, targetLabel } from '../metrics/metric-points';
import { MetricTargetInput } from '../metrics/metrics.types';
import { AlertTransitions } from './alert-transitions';
import { AlertRepository } from './alert.repository';
import { Alert, AlertState } from './alert.types';

export interface AlertFilter {
  state?: AlertState | null;
  target?: MetricTargetInput | null;
  rule?: string | null;
  from?: Date | null;
  to?: Date | null;
  first?: number | null;
}

/** Reading alerts, and acknowledging them. */
export class AlertService {
  constructor(private readonly repo: AlertRepository, private readonly db: Transactions,
              private readonly transitions: AlertTransitions, private readonly maxPageSize: number) {}

  async list(f: AlertFilter): Promise<Alert[]> {
    const limit = f.first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > this.maxPageSize) throw new BadInputError(`first must be from 1 to ${this.maxPageSize}.`, 'first');
    if (f.from && f.to) checkRange(f.from, f.to);
    let targetId: string | null = null;
    if (f.target) {
      const t = parseTarget(f.target, 'target');
      const target = await this.db.read((tx) => this.repo.resolveTarget(tx, t));
      if (!target) throw new NotFoundError(targetLabel(t), t.key, 'target');
      targetId = target.id;
    }
    return this.repo.list({ state: f.state ?? null, targetId, ruleId: f.rule ?? null, from: f.from ?? null, to: f.to ?? null, limit });
  }

  /** A FIRING alert becomes ACKNOWLEDGED, recording the key that did it. */
  async acknowledge(id: string, keyId: string): Promise<Alert> {
    const acknowledged = await this.transitions.move(id, [AlertState.FIRING], AlertState.ACKNOWLEDGED, null, new Date(), keyId);
    if (acknowledged) return acknowledged;
    const alert = await this.repo.byId(id);
    if (!alert) throw new NotFoundError('Alert', id, 'id');
    throw new ConflictError(`Only a FIRING alert can be acknowledged; this one is ${alert.state}.`, { state: alert.state });
  }
}

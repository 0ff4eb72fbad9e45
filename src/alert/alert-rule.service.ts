import { randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError } from '../common/errors';
import { requireName } from '../common/validate';
import { Transactions, Tx } from '../db/db';
import { parseTarget, targetLabel } from '../metrics/metric-points';
import { AlertRepository, RuleProperties } from './alert.repository';
import { AlertTransitions } from './alert-transitions';
import { AlertCondition, AlertRule, AlertRuleInput, AlertState, OPEN_STATES } from './alert.types';

/** Windows, baselines and `for` are bounded: a window is read whole at every evaluation. */
export const MAX_DURATION_SECONDS = 31 * 24 * 3600;
const MAX_LABELS = 32;

/** Alert rules: validation and storage. Evaluating them is AlertEvaluator's. */
export class AlertRuleService {
  constructor(private readonly repo: AlertRepository, private readonly db: Transactions, private readonly transitions: AlertTransitions) {}

  create(input: AlertRuleInput): Promise<AlertRule> {
    return this.db.write(async (tx) => this.repo.createRule(tx, await this.properties(tx, randomUUID(), input)));
  }

  update(id: string, input: AlertRuleInput): Promise<AlertRule> {
    return this.db.write(async (tx) => {
      const rule = await this.repo.updateRule(tx, await this.properties(tx, id, input));
      if (!rule) throw new NotFoundError('AlertRule', id, 'id');
      return rule;
    });
  }

  /** Deletes the rule; its open alert, which nothing would evaluate any more, is resolved (and announced). */
  async delete(id: string): Promise<AlertRule> {
    const rule = await this.db.write(async (tx) => {
      const deleted = await this.repo.deleteRule(tx, id);
      if (!deleted) throw new NotFoundError('AlertRule', id, 'id');
      return deleted;
    });
    const open = (await this.repo.openAlerts([id])).get(id);
    if (open) await this.transitions.move(open.id, OPEN_STATES, AlertState.RESOLVED, null, new Date());
    return rule;
  }

  list(): Promise<AlertRule[]> {
    return this.repo.rules(null);
  }

  private async properties(tx: Tx, id: string, input: AlertRuleInput): Promise<RuleProperties> {
    const name = requireName(input.name, 'input.name');
    const metric = requireName(input.metric, 'input.metric');
    const t = parseTarget(input.target, 'input.target');
    const windowSeconds = duration(input.windowSeconds, 'input.windowSeconds', 1);
    const forSeconds = duration(input.forSeconds ?? 0, 'input.forSeconds', 0);
    const minPoints = input.minPoints ?? 1;
    if (!Number.isInteger(minPoints) || minPoints < 1) throw new BadInputError('input.minPoints must be at least 1.', 'input.minPoints');
    const threshold = checkThreshold(input.condition, input.threshold);
    if (input.baselineSeconds != null && input.condition !== AlertCondition.DROP) {
      throw new BadInputError('input.baselineSeconds is for DROP rules only.', 'input.baselineSeconds');
    }
    const baselineSeconds = input.condition === AlertCondition.DROP
      ? duration(input.baselineSeconds ?? windowSeconds, 'input.baselineSeconds', 1) : null;
    const target = await this.repo.resolveTarget(tx, t);
    if (!target) throw new NotFoundError(targetLabel(t), t.key, 'input.target');
    return {
      id, name, metric, targetKind: target.kind, targetId: target.id, targetLabel: target.label, condition: input.condition, threshold,
      aggregate: input.aggregate, windowSeconds, baselineSeconds, forSeconds, minPoints, severity: input.severity,
      labels: JSON.stringify(checkLabels(input.labels)), enabled: input.enabled ?? true,
    };
  }
}

function duration(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min || value > MAX_DURATION_SECONDS) {
    throw new BadInputError(`${field} must be a whole number of seconds from ${min} to ${MAX_DURATION_SECONDS} (31 days).`, field);
  }
  return value;
}

/** BELOW/ABOVE need a finite threshold; DROP a fraction in (0, 1); NO_DATA none (it is dropped). */
function checkThreshold(condition: AlertCondition, threshold: number | null | undefined): number | null {
  if (condition === AlertCondition.NO_DATA) return null;
  if (threshold == null || !Number.isFinite(threshold)) {
    throw new BadInputError(`input.threshold is needed by ${condition} rules (a finite number).`, 'input.threshold');
  }
  if (condition === AlertCondition.DROP && !(threshold > 0 && threshold < 1)) {
    throw new BadInputError('input.threshold of a DROP rule is the relative drop: more than 0, less than 1 (0.1 = 10 %).', 'input.threshold');
  }
  return threshold;
}

function checkLabels(labels: Record<string, unknown> | null | undefined): Record<string, string> {
  const entries = Object.entries(labels ?? {});
  if (entries.length > MAX_LABELS) throw new BadInputError(`input.labels may hold at most ${MAX_LABELS} labels.`, 'input.labels');
  for (const [key, value] of entries) {
    requireName(key, 'input.labels key', 128);
    if (typeof value !== 'string') throw new BadInputError(`input.labels.${key} must be a string.`, 'input.labels');
    requireName(value, `input.labels.${key}`, 1024);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

import { log } from '../common/log';
import { judge, windowsOf } from './alert-condition';
import { AlertTransitions } from './alert-transitions';
import { AlertRepository } from './alert.repository';
import { AlertRule, AlertState, OPEN_STATES } from './alert.types';

/**
 * Evaluates alert rules, Prometheus-style: a condition that starts to hold opens a PENDING alert,
 * which fires once it has held for the rule's `for`; an open alert resolves when it stops holding.
 * Runs when points arrive (only the rules on the series that got them) and on a timer (every rule:
 * `for` elapsing, windows sliding past old points, NO_DATA). Evaluations in this process run one
 * at a time, series that get points meanwhile are gathered for the next; across instances the
 * transitions (AlertTransitions) make each change once.
 */
export class AlertEvaluator {
  private readonly dirtySeries = new Set<string>();
  private everything = false;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly repo: AlertRepository, private readonly transitions: AlertTransitions, private readonly clock = () => Date.now()) {}

  /** Points were recorded on these series (called after their transaction committed). */
  seriesChanged(seriesIds: string[]): Promise<void> {
    for (const id of seriesIds) this.dirtySeries.add(id);
    return this.schedule();
  }

  /** Evaluates every rule. */
  evaluateAll(): Promise<void> {
    this.everything = true;
    return this.schedule();
  }

  start(intervalMs: number): void {
    if (intervalMs > 0) this.timer = setInterval(() => void this.evaluateAll(), intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Resolves when the evaluation that covers what was asked so far has finished. */
  private schedule(): Promise<void> {
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
        // Asked for between the loop's last check and now: not left waiting for the timer.
        if (this.everything || this.dirtySeries.size) void this.schedule();
      });
      return this.running;
    }
    // One is running: it loops until nothing is left, so this call's work is covered by it.
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.everything || this.dirtySeries.size) {
      const all = this.everything;
      const series = [...this.dirtySeries];
      this.everything = false;
      this.dirtySeries.clear();
      try {
        await this.evaluate(all ? await this.repo.rules(null) : await this.repo.rulesForSeries(series));
      } catch (e) {
        log.warn({ err: (e as Error).message }, 'Alert evaluation failed; the next one tries again');
      }
    }
  }

  private async evaluate(rules: AlertRule[]): Promise<void> {
    if (!rules.length) return;
    const now = this.clock();
    const read = await this.repo.windows(rules.filter((r) => r.enabled).flatMap((r) => windowsOf(r, now)));
    const open = await this.repo.openAlerts(rules.map((r) => r.id));
    const at = new Date(now);
    for (const rule of rules) {
      const { holds, value } = judge(rule, read, now);
      const alert = open.get(rule.id);
      if (!alert) {
        if (holds) await this.transitions.begin(rule, value, at);
      } else if (!holds) {
        await this.transitions.move(alert.id, OPEN_STATES, AlertState.RESOLVED, value, at);
      } else if (alert.state === AlertState.PENDING && now - alert.startedAt.getTime() >= rule.forSeconds * 1000) {
        await this.transitions.move(alert.id, [AlertState.PENDING], AlertState.FIRING, value, at);
      }
    }
  }
}

import { aggregateWindow, judge, windowsOf } from '../src/alert/alert-condition';
import { AlertCondition, AlertRule, AlertSeverity, AlertTargetKind } from '../src/alert/alert.types';
import { retryDelay } from '../src/alert/webhook-dispatcher';
import { WebhookAddressPolicy } from '../src/alert/webhook-url';
import { eventType, WebhookEvent } from '../src/alert/webhook.types';
import { StoredBucket } from '../src/metrics/aggregation';
import { MetricAggregate } from '../src/metrics/metrics.types';

/* The pure parts of alerting: judging a rule on stored buckets, retry delays, the address policy. */

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-02T10:30:00Z');

function rule(condition: AlertCondition, extra: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r', name: 'r', target: { kind: AlertTargetKind.MODEL_VERSION, id: 'mv', label: 'm@1' }, metric: 'accuracy', condition,
    threshold: 0.8, aggregate: MetricAggregate.AVG, windowSeconds: 600, baselineSeconds: null, forSeconds: 0, minPoints: 1,
    severity: AlertSeverity.WARNING, labels: {}, enabled: true, createdAt: new Date(0), updatedAt: new Date(0), ...extra,
  };
}

/** One hour bucket holding the points (epoch ms, value), read with its lists. */
function bucket(points: [number, number][]): StoredBucket {
  const start = Math.floor(points[0][0] / HOUR) * HOUR;
  const values = points.map((p) => p[1]);
  return {
    start: new Date(start), count: points.length, sum: values.reduce((a, b) => a + b, 0), min: Math.min(...values), max: Math.max(...values),
    last: values.at(-1)!, lastAt: new Date(points.at(-1)![0]), points: points.map((p) => p[0]), values,
  };
}

const ago = (s: number) => NOW - s * 1000;

describe('judging a rule', () => {
  it('BELOW and ABOVE: the window aggregate against the threshold; points outside the window do not count', () => {
    const read = new Map([['r', [bucket([[ago(700), 0.1], [ago(300), 0.7], [ago(100), 0.8]])]]]);
    expect(judge(rule(AlertCondition.BELOW), read, NOW)).toEqual({ holds: true, value: 0.75 });
    expect(judge(rule(AlertCondition.ABOVE, { threshold: 0.75 }), read, NOW).holds).toBe(false);
    expect(judge(rule(AlertCondition.ABOVE, { threshold: 0.7, aggregate: MetricAggregate.MAX }), read, NOW)).toEqual({ holds: true, value: 0.8 });
  });

  it('too few points is no breach; a disabled rule never holds', () => {
    const read = new Map([['r', [bucket([[ago(100), 0.1]])]]]);
    expect(judge(rule(AlertCondition.BELOW, { minPoints: 2 }), read, NOW).holds).toBe(false);
    expect(judge(rule(AlertCondition.BELOW, { enabled: false }), read, NOW).holds).toBe(false);
    expect(judge(rule(AlertCondition.BELOW), new Map(), NOW)).toEqual({ holds: false, value: null });
  });

  it('DROP compares with the baseline window just before the current one', () => {
    const r = rule(AlertCondition.DROP, { threshold: 0.1, baselineSeconds: 600 });
    expect(windowsOf(r, NOW).map((w) => [w.key, w.from.getTime(), w.to.getTime()])).toEqual([
      ['r', ago(600), NOW], ['r/baseline', ago(1200), ago(600)],
    ]);
    const read = (current: number) => new Map([['r', [bucket([[ago(100), current]])]], ['r/baseline', [bucket([[ago(900), 0.9]])]]]);
    expect(judge(r, read(0.8), NOW).holds).toBe(true); // 0.8 < 0.9 − 10 %
    expect(judge(r, read(0.82), NOW).holds).toBe(false);
  });

  it('NO_DATA: no point within the window', () => {
    const r = rule(AlertCondition.NO_DATA, { windowSeconds: 60 });
    expect(judge(r, new Map([['r', [bucket([[ago(120), 1]])]]]), NOW)).toEqual({ holds: true, value: 0 });
    expect(judge(r, new Map([['r', [bucket([[ago(30), 1]])]]]), NOW)).toEqual({ holds: false, value: 1 });
  });

  it('a whole hour inside the window counts by its summary', () => {
    const whole = { ...bucket([[NOW - 2 * HOUR + 10, 2], [NOW - 2 * HOUR + 20, 4]]), points: null, values: null };
    whole.start = new Date(Math.floor((NOW - 2 * HOUR) / HOUR) * HOUR);
    expect(aggregateWindow([whole], { from: NOW - 3 * HOUR, to: NOW }, MetricAggregate.AVG)).toEqual({ count: 2, value: 3 });
  });
});

describe('webhook deliveries', () => {
  it('retry delays grow exponentially, jittered within the upper half of each step', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, 1000, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((n) => retryDelay(n, 1000, () => 1))).toEqual([1000, 2000, 4000]);
  });

  it('names event types as Standard Webhooks payloads do', () => {
    expect(eventType(WebhookEvent.ALERT_FIRING)).toBe('alert.firing');
    expect(eventType(WebhookEvent.ENSEMBLE_WEIGHTS_CHANGED)).toBe('ensemble.weights_changed');
  });

  it('refuses loopback, private, link-local and mapped addresses unless a range allows them', async () => {
    const strict = new WebhookAddressPolicy([]);
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect([a, strict.permits(a)]).toEqual([a, false]);
    }
    expect(strict.permits('93.184.216.34')).toBe(true);
    expect(strict.permits('2606:4700::1111')).toBe(true);
    const local = new WebhookAddressPolicy(['127.0.0.0/8']);
    expect(local.permits('127.0.0.1')).toBe(true);
    expect(local.permits('10.0.0.1')).toBe(false);
    await expect(strict.check('http://localhost:8080/x', 'url')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'url' } });
    await expect(strict.check('file:///etc/passwd', 'url')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(local.check('http://127.0.0.1:8080/x', 'url')).resolves.toBeInstanceOf(URL);
  });
});

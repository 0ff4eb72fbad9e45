import { ALERTS } from '../queries';
import { AlertSummary, formatNumber, formatTime, MetricTarget } from '../types';
import { useQuery } from '../useQuery';

const STATE_TAG: Record<string, string> = { FIRING: 'bad', PENDING: 'warn', ACKNOWLEDGED: 'warn', RESOLVED: 'ok' };
const SEVERITY_TAG: Record<string, string> = { CRITICAL: 'bad', WARNING: 'warn', INFO: '' };

/** Open alerts first (newest first within each group), then the past ones. */
export const byOpenFirst = (alerts: AlertSummary[]): AlertSummary[] =>
  [...alerts].sort((a, b) => Number(a.state === 'RESOLVED') - Number(b.state === 'RESOLVED') || b.startedAt.localeCompare(a.startedAt));

/**
 * A model version's, deployment's or ensemble's alerts (the `alerts` query, the newest 50): the
 * open ones (pending, firing, acknowledged) first, then the past ones, with when each started,
 * fired and resolved. The metric chart below shades the same episodes.
 */
export function AlertsPanel({ target }: { target: MetricTarget }) {
  const { data, error } = useQuery<{ alerts: AlertSummary[] }>(ALERTS, { target, first: 50 });
  if (error) return <p className="error">{error}</p>;
  if (!data) return null;
  const alerts = byOpenFirst(data.alerts);
  const open = alerts.filter((a) => a.state !== 'RESOLVED').length;
  return (
    <div className="panel" data-testid="alerts">
      <strong>Alerts: </strong>
      <span className="muted">{alerts.length === 0 ? 'none so far' : `${open} open, ${alerts.length - open} past`}</span>
      {alerts.length > 0 && (
        <table>
          <thead><tr><th>State</th><th>Severity</th><th>Rule</th><th>Metric</th><th>Value</th><th>Started</th><th>Fired</th><th>Resolved</th></tr></thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-testid="alert-row">
                <td><span className={`tag ${STATE_TAG[a.state] ?? ''}`}>{a.state}</span></td>
                <td><span className={`tag ${SEVERITY_TAG[a.severity] ?? ''}`}>{a.severity}</span></td>
                <td>{a.rule}</td>
                <td>{a.metric}</td>
                <td>{formatNumber(a.value)}</td>
                <td>{formatTime(a.startedAt)}</td>
                <td>{formatTime(a.firedAt)}</td>
                <td>{formatTime(a.resolvedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

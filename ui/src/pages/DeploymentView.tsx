import { MetricPanel } from '../charts/MetricPanel';
import { SharesChart } from '../charts/SharesChart';
import { AlertsPanel } from '../components/AlertsPanel';
import { Link } from '../components/Link';
import { DEPLOYMENT } from '../queries';
import { hrefs } from '../router';
import { formatTime, metricNames, ServedTarget, VersionSummary } from '../types';
import { useQuery } from '../useQuery';
import { ServedTargetLink, targetLabel } from './ServedTargetLink';

type Served = ServedTarget & { metrics?: Record<string, unknown>; members?: { modelVersion: { metrics: Record<string, unknown> | null } }[] };
interface Deployment {
  name: string; environment: string; endpoint: string | null; createdAt: string; retired: boolean; retiredAt: string | null;
  serving: { trafficShare: number; from: string; target: Served }[];
  history: { at: string; reason: string | null; serving: { trafficShare: number; target: ServedTarget }[] }[];
}

/** A deployment: what it serves now, its traffic over time, its metrics with the changes marked. */
export function DeploymentView({ name }: { name: string }) {
  const { data, error } = useQuery<{ deployment: Deployment }>(DEPLOYMENT, { name });
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">loading…</p>;
  const d = data.deployment;
  const served = d.serving.flatMap((s) => [s.target.metrics ?? null, ...(s.target.members ?? []).map((m) => m.modelVersion.metrics)]);
  const suggestions = metricNames(served.map((metrics) => ({ metrics }) as VersionSummary));
  const intervals = d.history.flatMap((change, i) => change.serving.map((s) => ({
    label: targetLabel(s.target), from: change.at, to: d.history[i + 1]?.at ?? null, share: s.trafficShare,
  })));
  return (
    <>
      <h1>Deployment {d.name}</h1>
      <p className="muted">
        {d.environment}{d.endpoint ? ` · ${d.endpoint}` : ''} · created {formatTime(d.createdAt)}
        {d.retired ? ` · retired ${formatTime(d.retiredAt)}` : ''} · <Link href={hrefs.lineage({ type: 'DEPLOYMENT', name: d.name })}>lineage</Link>
      </p>
      <div className="panel" data-testid="serving">
        <strong>Serving now: </strong>
        {d.serving.length === 0 ? <span className="muted">nothing</span> : d.serving.map((s) => (
          <span key={targetLabel(s.target)} className="tag"><ServedTargetLink target={s.target} /> {Math.round(s.trafficShare * 100)}% since {formatTime(s.from)}</span>
        ))}
      </div>
      <AlertsPanel target={{ deployment: d.name }} />
      <h2>Metrics over time</h2>
      <MetricPanel target={{ deployment: d.name }} suggestions={suggestions} />
      <h2>Traffic over time</h2>
      <div className="panel"><SharesChart intervals={intervals} testId="traffic-chart" /></div>
    </>
  );
}

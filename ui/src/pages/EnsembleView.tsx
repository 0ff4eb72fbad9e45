import { MetricPanel } from '../charts/MetricPanel';
import { SharesChart } from '../charts/SharesChart';
import { AlertsPanel } from '../components/AlertsPanel';
import { Link } from '../components/Link';
import { ENSEMBLE } from '../queries';
import { hrefs } from '../router';
import { formatNumber, formatTime, metricNames, VersionSummary } from '../types';
import { useQuery } from '../useQuery';

interface Member {
  weight: number; from: string; to: string | null; reason: string | null;
  modelVersion: { version: string; metrics?: Record<string, unknown> | null; model: { name: string } };
}
interface Ensemble {
  name: string; description: string | null; createdAt: string;
  deployments: { name: string; environment: string }[];
  members: Member[];
  memberHistory: Member[];
}
const label = (m: Member) => `${m.modelVersion.model.name}@${m.modelVersion.version}`;

/** An ensemble: its members and their weights over time (stacked), its metrics, where it is served. */
export function EnsembleView({ name }: { name: string }) {
  const { data, error } = useQuery<{ ensemble: Ensemble }>(ENSEMBLE, { name });
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">loading…</p>;
  const e = data.ensemble;
  const intervals = e.memberHistory.map((m) => ({ label: label(m), from: m.from, to: m.to, share: m.weight }));
  return (
    <>
      <h1>Ensemble {e.name}</h1>
      <p className="muted">
        {e.description} Created {formatTime(e.createdAt)} · <Link href={hrefs.lineage({ type: 'ENSEMBLE', name: e.name })}>lineage</Link>
        {e.deployments.map((d) => <span key={d.name}> · served by <Link href={hrefs.deployment(d.name)}>{d.name}</Link></span>)}
      </p>
      <div className="panel" data-testid="members">
        <strong>Members now: </strong>
        {e.members.map((m) => (
          <span key={label(m)} className="tag">
            <Link href={hrefs.model(m.modelVersion.model.name, m.modelVersion.version)}>{label(m)}</Link> weight {formatNumber(m.weight, 3)}
          </span>
        ))}
      </div>
      <AlertsPanel target={{ ensemble: e.name }} />
      <h2>Weights over time</h2>
      <div className="panel"><SharesChart intervals={intervals} testId="weights-chart" /></div>
      <h2>Metrics over time</h2>
      <MetricPanel target={{ ensemble: e.name }} suggestions={metricNames(e.memberHistory.map((m) => ({ metrics: m.modelVersion.metrics ?? null }) as VersionSummary))} />
    </>
  );
}

import { Link } from '../components/Link';
import { hrefs } from '../router';
import { formatNumber } from '../types';

export interface DeploymentImpact {
  deployment: string; environment: string | null; status: string; breaking: boolean; score: number;
  modelVersions: string[]; withoutFieldLineage: string[];
  features: { feature: string; modelVersion: string; ensemble: string | null; drift: number | null; importance: number; contribution: number; breaking: boolean }[];
}

const STATUS_CLASS: Record<string, string> = { BREAKING: 'bad', DRIFTED: 'warn', UNCHANGED: 'ok' };

/** Served deployments, breaking first then by score: the features through which the change reaches each. */
export function DeploymentImpactTable({ deployments }: { deployments: DeploymentImpact[] }) {
  if (deployments.length === 0) return <p className="muted">No served deployment depends on this dataset.</p>;
  return (
    <table data-testid="deployment-impact">
      <thead><tr><th>Deployment</th><th>Status</th><th>Score</th><th>Through</th><th>Model versions</th></tr></thead>
      <tbody>
        {deployments.map((d) => (
          <tr key={d.deployment}>
            <td><Link href={hrefs.deployment(d.deployment)}>{d.deployment}</Link> <span className="muted">{d.environment}</span></td>
            <td><span className={`tag ${STATUS_CLASS[d.status] ?? ''}`}>{d.status.toLowerCase().replace(/_/g, ' ')}</span></td>
            <td>{formatNumber(d.score)}</td>
            <td>{d.features.map((f) => (
              <div key={`${f.feature}${f.modelVersion}${f.ensemble}`}>
                {f.feature} <span className="muted">in {f.modelVersion}{f.ensemble ? ` (via ${f.ensemble})` : ''}: drift {formatNumber(f.drift)} × importance {formatNumber(f.importance)} → {formatNumber(f.contribution)}</span>
                {f.breaking && <span className="tag bad">breaking</span>}
              </div>
            ))}</td>
            <td>{d.modelVersions.join(', ')}{d.withoutFieldLineage.length ? <span className="muted"> (no field lineage: {d.withoutFieldLineage.join(', ')})</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Link } from '../components/Link';
import { hrefs } from '../router';
import { formatNumber, formatTime, ModelSummary } from '../types';

interface Props {
  model: ModelSummary;
  selected: string | undefined;
  onSelect: (version: string) => void;
}

/** A model's versions, newest first: aliases, where each is served, offline metrics; click to chart one. */
export function VersionsTable({ model, selected, onSelect }: Props) {
  const versions = [...model.versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="panel">
      <table data-testid="versions-table">
        <thead><tr><th>Version</th><th>Created</th><th>Aliases</th><th>Served by</th><th>Offline metrics</th><th /></tr></thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} style={v.version === selected ? { background: '#eef3fd' } : undefined}>
              <td><button type="button" onClick={() => onSelect(v.version)}>{v.version}</button>
                {v.supersededAt && <span className="tag warn">superseded</span>}</td>
              <td>{formatTime(v.createdAt)}</td>
              <td>{(v.aliases ?? []).map((a) => <span key={a} className="tag">{a}</span>)}</td>
              <td>
                {v.deployments.map((d) => <div key={d.name}><Link href={hrefs.deployment(d.name)}>{d.name}</Link> <span className="muted">{d.environment}</span></div>)}
                {v.ensembles.map((e) => (
                  <div key={e.name}><Link href={hrefs.ensemble(e.name)}>{e.name}</Link> <span className="muted">ensemble</span>
                    {e.deployments.map((d) => <span key={d.name}><span className="muted">, served by </span><Link href={hrefs.deployment(d.name)}>{d.name}</Link></span>)}
                  </div>
                ))}
              </td>
              <td>{Object.entries(v.metrics ?? {}).map(([k, value]) => (
                <span key={k} className="tag">{k} {typeof value === 'number' ? formatNumber(value) : String(value)}</span>
              ))}</td>
              <td><Link href={hrefs.lineage({ type: 'MODEL_VERSION', model: model.name, version: v.version })}>lineage</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { Sparkline } from '../charts/Sparkline';
import { Link } from '../components/Link';
import { hrefs } from '../router';
import { formatNumber, MetricValue, ModelSummary, newest } from '../types';

interface Props {
  model: ModelSummary;
  metric: string;
  /** Daily values of the metric for the newest version; null while loading. */
  series: MetricValue[] | null;
}

/** One model: its versions (newest first), aliases, the deployments and ensembles serving them (and the deployments serving those ensembles). */
export function ModelRow({ model, metric, series }: Props) {
  const versions = [...model.versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const latest = series && series.length ? series[series.length - 1].value : null;
  const offline = newest(model.versions)?.metrics?.[metric];
  return (
    <tr data-testid="model-row">
      <td><Link href={hrefs.model(model.name)}><strong>{model.name}</strong></Link></td>
      <td>{versions.map((v) => (
        <Link key={v.id} href={hrefs.model(model.name, v.version)} className="tag">{v.version}</Link>
      ))}</td>
      <td>{model.aliases.map((a) => <span key={a.name} className="tag">{a.name} → {a.modelVersion.version}</span>)}</td>
      <td>{versions.flatMap((v) => [
        ...v.deployments.map((d) => (
          <div key={`d-${v.id}-${d.name}`}><Link href={hrefs.deployment(d.name)}>{d.name}</Link> <span className="muted">({d.environment}) serves {v.version}</span></div>
        )),
        ...v.ensembles.map((e) => (
          <div key={`e-${v.id}-${e.name}`}>
            <Link href={hrefs.ensemble(e.name)}>{e.name}</Link> <span className="muted">(ensemble) has {v.version}</span>
            {e.deployments.map((d) => (
              <span key={d.name} data-testid="served-via-ensemble"><span className="muted">, served by </span><Link href={hrefs.deployment(d.name)}>{d.name}</Link> <span className="muted">({d.environment})</span></span>
            ))}
          </div>
        )),
      ])}</td>
      <td>
        <div className="toolbar" style={{ marginBottom: 0 }}>
          <strong data-testid="latest-value">{latest !== null ? formatNumber(latest) : typeof offline === 'number' ? `${formatNumber(offline)} (offline)` : '—'}</strong>
          {series && <Sparkline points={series} />}
        </div>
      </td>
    </tr>
  );
}

import { AcrossVersionsChart } from '../charts/AcrossVersionsChart';
import { MetricPanel } from '../charts/MetricPanel';
import { AlertsPanel } from '../components/AlertsPanel';
import { Link } from '../components/Link';
import { MODEL } from '../queries';
import { hrefs, setParams, useRoute } from '../router';
import { metricNames, ModelSummary, newest } from '../types';
import { useQuery } from '../useQuery';
import { VersionsTable } from './VersionsTable';

/** A model: its versions, the chosen version's metrics over time, a metric across versions. */
export function ModelView({ name }: { name: string }) {
  const { params } = useRoute();
  const { data, error } = useQuery<{ modelByName: ModelSummary }>(MODEL, { name });
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">loading…</p>;
  const model = data.modelByName;
  const version = model.versions.find((v) => v.version === params.get('version')) ?? newest(model.versions);
  const suggestions = metricNames(model.versions);
  const target = { model: model.name, version: version?.version };
  return (
    <>
      <h1>Model {model.name}</h1>
      <p className="muted">
        {model.description} Registered {model.createdAt.slice(0, 10)} ·{' '}
        <Link href={hrefs.lineage({ type: 'MODEL', name: model.name })}>lineage</Link> ·{' '}
        <Link href={hrefs.impact()}>impact of data changes</Link>
      </p>
      <VersionsTable model={model} selected={version?.version} onSelect={(v) => setParams({ version: v })} />
      {version && (
        <>
          <h2>{model.name}@{version.version} over time</h2>
          <AlertsPanel target={target} />
          <MetricPanel key={version.id} target={target} suggestions={suggestions} />
        </>
      )}
      <h2>Across versions</h2>
      <AcrossVersionsChart model={model.name} suggestions={suggestions} />
    </>
  );
}

import { useMemo } from 'react';
import { MODELS } from '../queries';
import { setParams, useRoute } from '../router';
import { metricNames, ModelSummary } from '../types';
import { useQuery } from '../useQuery';
import { useLatestMetrics } from './latest-metrics';
import { ModelRow } from './ModelRow';

/** Every registered model: versions, aliases, where each is served, a chosen metric's latest value. */
export function ModelsPage() {
  const { params } = useRoute();
  const search = params.get('q') ?? '';
  const { data, error, loading } = useQuery<{ models: { nodes: ModelSummary[] } }>(MODELS, { name: search || null, first: 200 });
  const models = useMemo(() => data?.models.nodes ?? [], [data]);
  const names = useMemo(() => metricNames(models.flatMap((m) => m.versions)), [models]);
  const metric = params.get('metric') ?? names[0] ?? '';
  const latest = useLatestMetrics(models, metric);

  return (
    <>
      <h1>Models</h1>
      <div className="toolbar">
        <label>Search <input type="search" value={search} placeholder="name contains…" aria-label="Search models"
          onChange={(e) => setParams({ q: e.target.value })} /></label>
        <label>Metric <input list="metric-names" value={metric} aria-label="Metric" onChange={(e) => setParams({ metric: e.target.value })} /></label>
        <datalist id="metric-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
        {loading && <span className="muted">loading…</span>}
      </div>
      {error && <p className="error">{error}</p>}
      <div className="panel">
        <table data-testid="models-table">
          <thead>
            <tr><th>Model</th><th>Versions</th><th>Aliases</th><th>Served by</th><th>{metric || 'metric'} (newest version, 30 days)</th></tr>
          </thead>
          <tbody>
            {models.map((m) => <ModelRow key={m.id} model={m} metric={metric} series={latest?.[m.name] ?? null} />)}
          </tbody>
        </table>
        {!loading && models.length === 0 && <p className="muted">No model{search ? ` whose name contains “${search}”` : ' registered yet'}.</p>}
      </div>
    </>
  );
}

import { useState } from 'react';
import { DATA_CHANGE } from '../queries';
import { useQuery } from '../useQuery';
import { Dataset } from './DatasetPicker';
import { DeploymentImpactTable, DeploymentImpact } from './DeploymentImpactTable';
import { FieldDiffTable, FieldDiff } from './FieldDiffTable';

interface DataChange {
  truncated: boolean; measure: string;
  diff: FieldDiff & { comparedFields: number; driftedFields: number };
  deployments: DeploymentImpact[];
}

/** dataChangeImpact between two versions: what each served deployment risks, and the per-field diff. */
export function DataChangeView({ dataset, to: chosen }: { dataset: Dataset; to: string | null }) {
  const versions = [...dataset.versions].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((v) => v.version);
  const toDefault = chosen && versions.indexOf(chosen) > 0 ? chosen : versions[versions.length - 1];
  const [to, setTo] = useState(toDefault);
  const [from, setFrom] = useState(versions[Math.max(0, versions.indexOf(toDefault) - 1)]);
  const [measure, setMeasure] = useState('PSI');
  const { data, error, loading } = useQuery<{ dataChangeImpact: DataChange }>(DATA_CHANGE,
    { dataset: { namespace: dataset.namespace, name: dataset.name }, from, to, measure }, from === to);
  const r = data?.dataChangeImpact;
  return (
    <div className="panel" data-testid="data-change">
      <h2 style={{ marginTop: 0 }}>Change between two versions of {dataset.namespace}/{dataset.name}</h2>
      <div className="toolbar">
        <label>From <select aria-label="From version" value={from} onChange={(e) => setFrom(e.target.value)}>{versions.map((v) => <option key={v}>{v}</option>)}</select></label>
        <label>To <select aria-label="To version" value={to} onChange={(e) => setTo(e.target.value)}>{versions.map((v) => <option key={v}>{v}</option>)}</select></label>
        <label>Measure
          <select aria-label="Measure" value={measure} onChange={(e) => setMeasure(e.target.value)}>
            <option value="PSI">PSI</option><option value="JENSEN_SHANNON">Jensen–Shannon</option>
          </select>
        </label>
        {loading && <span className="muted">loading…</span>}
        {from === to && <span className="muted">Pick two different versions.</span>}
      </div>
      {error && <p className="error">{error}</p>}
      {r && (
        <>
          <p className="muted">
            {r.diff.driftedFields} of {r.diff.comparedFields} compared fields drifted · {r.diff.schemaChanges.length} schema changes
            {r.truncated ? ' · truncated at the node limit' : ''}
          </p>
          <DeploymentImpactTable deployments={r.deployments} />
          <FieldDiffTable diff={r.diff} />
        </>
      )}
    </div>
  );
}

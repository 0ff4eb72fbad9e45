import { setParams } from '../router';

export interface Dataset {
  id: string; namespace: string; name: string; createdAt: string;
  versions: { id: string; version: string; createdAt: string; fields: { name: string; type: string | null }[] }[];
}

interface Props {
  datasets: Dataset[];
  dataset: Dataset | null;
  version: string | null;
  field: string | null;
}

/** A dataset, then optionally one of its versions, then optionally one of that version's fields. */
export function DatasetPicker({ datasets, dataset, version, field }: Props) {
  const versions = [...(dataset?.versions ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const fields = versions.find((v) => v.version === version)?.fields ?? [];
  const pickDataset = (key: string) => {
    const d = datasets.find((x) => `${x.namespace}\u0000${x.name}` === key);
    setParams({ type: null, id: null, namespace: d?.namespace, name: d?.name, version: null, field: null });
  };
  return (
    <div className="panel toolbar">
      <label>Dataset
        <select aria-label="Dataset" value={dataset ? `${dataset.namespace}\u0000${dataset.name}` : ''} onChange={(e) => pickDataset(e.target.value)}>
          <option value="">—</option>
          {datasets.map((d) => <option key={d.id} value={`${d.namespace}\u0000${d.name}`}>{d.namespace}/{d.name}</option>)}
        </select>
      </label>
      <label>Version
        <select aria-label="Version" value={version ?? ''} disabled={!dataset} onChange={(e) => setParams({ version: e.target.value, field: null })}>
          <option value="">every version</option>
          {versions.map((v) => <option key={v.id} value={v.version}>{v.version} ({v.createdAt.slice(0, 10)})</option>)}
        </select>
      </label>
      <label>Field
        <select aria-label="Field" value={field ?? ''} disabled={!version} onChange={(e) => setParams({ field: e.target.value })}>
          <option value="">every field</option>
          {fields.map((f) => <option key={f.name} value={f.name}>{f.name}{f.type ? ` (${f.type})` : ''}</option>)}
        </select>
      </label>
    </div>
  );
}

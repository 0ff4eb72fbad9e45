import { useMemo } from 'react';
import { DATASETS } from '../queries';
import { useRoute } from '../router';
import { useQuery } from '../useQuery';
import { DataChangeView } from './DataChangeView';
import { Dataset, DatasetPicker } from './DatasetPicker';
import { ImpactReach } from './ImpactReach';

/**
 * What a dataset (a version, a field) reaches: the deployments serving something computed from
 * it, with the paths, and how much a change between two of its versions matters to each.
 */
export function ImpactPage() {
  const { params } = useRoute();
  const { data, error } = useQuery<{ datasets: { nodes: Dataset[] } }>(DATASETS, { first: 500 });
  const datasets = useMemo(() => data?.datasets.nodes ?? [], [data]);
  const dataset = datasets.find((d) => d.namespace === params.get('namespace') && d.name === params.get('name')) ?? null;
  const version = params.get('version');
  const field = params.get('field');
  const ref: Record<string, string> | null = params.get('type') && params.get('id')
    ? { type: params.get('type')!, id: params.get('id')! }
    : dataset && {
      type: field ? 'FIELD' : version ? 'DATASET_VERSION' : 'DATASET',
      namespace: dataset.namespace, name: dataset.name, ...(version ? { version } : {}), ...(field ? { field } : {}),
    } as Record<string, string>;
  return (
    <>
      <h1>Impact</h1>
      {error && <p className="error">{error}</p>}
      <DatasetPicker datasets={datasets} dataset={dataset} version={version} field={field} />
      {ref ? <ImpactReach nodeRef={ref} /> : <p className="muted">Pick a dataset (and a version, a field) to see the served deployments it reaches.</p>}
      {dataset && dataset.versions.length > 1 && <DataChangeView dataset={dataset} to={version} />}
    </>
  );
}

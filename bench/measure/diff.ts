import { DatasetPlan } from '../generate/datasets';
import { gql } from '../http';
import { Random } from '../random';
import { Latency, timeRepeated } from '../stats';

const DIFF = `query($from: DatasetVersionRef!, $to: DatasetVersionRef!) {
  datasetDiff(from: $from, to: $to) {
    schemaChanges { field change fromType toType }
    fields { field kind psi jensenShannon wasserstein ks drifted note }
    comparedFields driftedFields driftedShare } }`;

export interface QualityCase {
  operation: string;
  what: string;
  latency: Latency | null;
  /** Why there is no figure (e.g. the feature is not in this build yet). */
  note?: string;
}

/** datasetDiff between consecutive versions of profiled training sets (a different pair each repetition). */
export async function measureDatasetDiff(url: string, datasets: DatasetPlan[], reps: number, warmup: number, rnd: Random): Promise<QualityCase> {
  const profiled = datasets.filter((d) => d.layer === 4);
  const pairs = Array.from({ length: 50 }, () => {
    const d = rnd.pick(profiled);
    const v = rnd.int(1, d.versionIds.length - 1);
    const ref = (n: number) => ({ namespace: d.namespace, name: d.name, version: `v${n}` });
    return { from: ref(v), to: ref(v + 1), fields: d.fields.length };
  });
  let i = 0;
  const latency = await timeRepeated(() => gql(url, DIFF, pairs[i++ % pairs.length]), reps, warmup);
  const fields = Math.round(pairs.reduce((a, p) => a + p.fields, 0) / pairs.length);
  return { operation: 'datasetDiff', what: `consecutive versions of a training set, ~${fields} profiled fields each`, latency };
}

const DATA_CHANGE = `query($dataset: DatasetRef!, $from: String!, $to: String!) {
  dataChangeImpact(dataset: $dataset, from: $from, to: $to) {
    truncated measure diff { comparedFields driftedFields }
    deployments { deployment environment status score breaking modelVersions withoutFieldLineage } } }`;

/**
 * dataChangeImpact (src/datachange, landed while this bench was written) between consecutive
 * versions of a profiled training set: a diff plus the impact traversal plus scoring. Reported as
 * missing rather than failing the bench when the build does not have it (or it errors).
 */
export async function measureDataChangeImpact(url: string, datasets: DatasetPlan[], reps: number, warmup: number, rnd: Random): Promise<QualityCase> {
  const operation = 'dataChangeImpact';
  const schema = await gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(url, '{ __schema { queryType { fields { name } } } }');
  if (!schema.data.__schema.queryType.fields.some((f) => f.name === operation)) {
    return { operation, what: '-', latency: null, note: 'not in this build (src/datachange missing): hook in bench/measure/diff.ts' };
  }
  const profiled = datasets.filter((d) => d.layer === 4);
  const cases = Array.from({ length: 50 }, () => {
    const d = rnd.pick(profiled);
    const v = rnd.int(1, d.versionIds.length - 1);
    return { dataset: { namespace: d.namespace, name: d.name }, from: `v${v}`, to: `v${v + 1}` };
  });
  let i = 0;
  try {
    const latency = await timeRepeated(() => gql(url, DATA_CHANGE, cases[i++ % cases.length]), reps, warmup);
    return { operation, what: 'consecutive versions of a training set, with its served deployments', latency };
  } catch (e) {
    return { operation, what: '-', latency: null, note: `failed: ${(e as Error).message.slice(0, 200)}` };
  }
}

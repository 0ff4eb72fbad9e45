import { VersionRows } from './batch-replay';
import { versionKey } from './batch-versions';
import { LineagePlan } from './lineage-plan.types';
import { datasetKey, INITIAL_VERSION } from './lineage-write';

/** The most ids one audit record names (as Db's records of a transaction). */
const MAX_IDS = 1_000;

/**
 * What some of a transaction's events changed, for the audit record of the request that sent them
 * when several requests share the transaction (group commit): their runs, the versions their runs
 * wrote, the versions their DatasetEvents described, and the placeholder versions of the datasets
 * they read. `ids`: the id of every version the transaction wrote or found (versionKey → id).
 */
export function changedBy(plans: LineagePlan[], versions: VersionRows, ids: Map<string, string>): string[] {
  const runs = new Set(plans.flatMap((p) => (p.run ? [p.run.runId] : [])));
  const described = new Set(plans.flatMap((p) => (p.datasetSchema ? [datasetKey(p.datasetSchema.namespace, p.datasetSchema.name)] : [])));
  const read = new Set(plans.flatMap((p) => p.inputs.map((i) => datasetKey(i.namespace, i.name))));
  const out = new Set<string>(runs);
  const add = (key: string) => {
    const id = ids.get(key);
    if (id) out.add(id);
  };
  for (const v of versions.versions) {
    if (v.runId ? runs.has(v.runId) : described.has(datasetKey(v.namespace, v.name))) add(versionKey(v.namespace, v.name, v.version));
  }
  for (const p of versions.placeholders) if (read.has(datasetKey(p.namespace, p.name))) add(versionKey(p.namespace, p.name, INITIAL_VERSION));
  return [...out].slice(0, MAX_IDS);
}

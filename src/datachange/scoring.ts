import type { DiffResult, FieldDrift } from '../drift/diff';
import { ColumnChange, DataChangeStatus, DeploymentDataImpact, DriftMeasure } from './datachange.types';

/**
 * Ranks the deployments serving now by how much a dataset change matters to them. Pure: the
 * service hands over the diff, what each deployment serves and the features each model version
 * uses (with the dataset columns each is computed from), so the formula is testable by hand.
 */
export interface ServedModelVersion {
  modelVersionId: string;
  label: string;
  serving: { deploymentId: string; deployment: string; environment: string | null; trafficShare: number | null; ensemble: string | null; weight: number | null }[];
}
export interface FeatureUse { modelVersionId: string; feature: string; importance: number; columns: string[] }

export type RankedDeployment = Omit<DeploymentDataImpact, 'observed'>;

export function rankDeployments(diff: DiffResult, served: ServedModelVersion[], uses: FeatureUse[], measure: DriftMeasure): RankedDeployment[] {
  const changed = changedColumns(diff, measure);
  const usesOf = new Map<string, FeatureUse[]>();
  for (const u of uses) (usesOf.get(u.modelVersionId) ?? usesOf.set(u.modelVersionId, []).get(u.modelVersionId)!).push(u);
  const byDeployment = new Map<string, RankedDeployment>();
  for (const mv of served) {
    const mvUses = usesOf.get(mv.modelVersionId) ?? [];
    const fieldLevel = mvUses.some((u) => u.columns.length > 0);
    for (const s of mv.serving) {
      const d = byDeployment.get(s.deploymentId) ?? byDeployment.set(s.deploymentId, {
        deploymentId: s.deploymentId, deployment: s.deployment, environment: s.environment, status: DataChangeStatus.NO_FIELD_LINEAGE,
        breaking: false, score: 0, features: [], modelVersions: [], withoutFieldLineage: [],
      }).get(s.deploymentId)!;
      if (!d.modelVersions.includes(mv.label)) d.modelVersions.push(mv.label);
      if (!fieldLevel && !d.withoutFieldLineage.includes(mv.label)) d.withoutFieldLineage.push(mv.label);
      if (fieldLevel && d.status === DataChangeStatus.NO_FIELD_LINEAGE) d.status = DataChangeStatus.UNCHANGED;
      // Direct serving: the model version gets the deployment's share; through an ensemble, its weight of it.
      const share = s.trafficShare ?? 1;
      const weight = s.ensemble === null ? 1 : s.weight ?? 1;
      for (const u of mvUses) {
        const columns = u.columns.map((c) => changed.get(c)).filter((c): c is ColumnChange => c !== undefined);
        if (!columns.length) continue;
        const drifts = columns.filter((c) => c.drifted && c.drift !== null).map((c) => c.drift!);
        const drift = drifts.length ? Math.max(...drifts) : null;
        d.features.push({
          feature: u.feature, modelVersionId: mv.modelVersionId, modelVersion: mv.label, ensemble: s.ensemble, weight: s.ensemble === null ? null : weight,
          trafficShare: share, importance: u.importance, columns, drift, breaking: columns.some((c) => c.change !== null),
          contribution: (drift ?? 0) * u.importance * weight * share,
        });
      }
    }
  }
  const ranked = [...byDeployment.values()];
  for (const d of ranked) {
    d.features.sort((a, b) => Number(b.breaking) - Number(a.breaking) || b.contribution - a.contribution || a.feature.localeCompare(b.feature));
    d.score = d.features.reduce((sum, f) => sum + f.contribution, 0);
    d.breaking = d.features.some((f) => f.breaking);
    if (d.breaking) d.status = DataChangeStatus.BREAKING;
    else if (d.features.length) d.status = DataChangeStatus.DRIFTED;
  }
  return ranked.sort((a, b) => Number(b.breaking) - Number(a.breaking) || b.score - a.score
    || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.deployment.localeCompare(b.deployment));
}

const STATUS_ORDER = [DataChangeStatus.BREAKING, DataChangeStatus.DRIFTED, DataChangeStatus.UNCHANGED, DataChangeStatus.NO_FIELD_LINEAGE];

/**
 * The columns that matter, by name: removed or retyped ones (breaking) and drifted ones. An added
 * column changes nothing a model already uses; a column that could not be compared (no profile)
 * is not counted as drifted.
 */
export function changedColumns(diff: DiffResult, measure: DriftMeasure): Map<string, ColumnChange> {
  const out = new Map<string, ColumnChange>();
  for (const c of diff.schemaChanges) {
    if (c.change === 'ADDED') continue;
    out.set(c.field, { field: c.field, change: c.change, drift: null, drifted: false });
  }
  for (const f of diff.fields) {
    if (f.drifted && !out.has(f.field)) out.set(f.field, { field: f.field, change: null, drift: measureOf(f, measure), drifted: true });
  }
  return out;
}

function measureOf(f: FieldDrift, measure: DriftMeasure): number | null {
  return measure === DriftMeasure.PSI ? f.psi : f.jensenShannon;
}

import { table } from './format';

/** Plain-text reports of `modelgraph diff`, `impact --quantify` and `profile`. */
export interface DiffData {
  from: { version: string }; to: { version: string };
  schemaChanges: { field: string; change: string; fromType: string | null; toType: string | null }[];
  fields: { field: string; kind: string | null; psi: number | null; jensenShannon: number | null; wasserstein: number | null; ks: number | null;
            drifted: boolean | null; note: string | null }[];
  comparedFields: number; driftedFields: number; driftedShare: number | null;
  thresholds: { psi: number; js: number; wasserstein: number | null; ks: number | null };
}

export interface QuantifiedData {
  dataset: { namespace: string; name: string }; measure: string; truncated: boolean; diff: DiffData;
  deployments: {
    deployment: string; environment: string | null; status: string; score: number; withoutFieldLineage: string[];
    features: { feature: string; modelVersion: string; ensemble: string | null; weight: number | null; trafficShare: number; importance: number;
                drift: number | null; breaking: boolean; contribution: number; columns: { field: string; change: string | null }[] }[];
    observed: { metric: string; before: number | null; after: number | null; change: number | null; pointsBefore: number; pointsAfter: number } | null;
  }[];
}

const num = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? '-' : Number(v.toFixed(digits)).toString());

export function diffReport(d: DiffData, label: string): string {
  const lines = [`Diff of ${label} ${d.from.version} → ${d.to.version}: ${d.driftedFields} of ${d.comparedFields} compared fields drifted` +
    (d.driftedShare === null ? '' : ` (${num(d.driftedShare * 100, 1)}%)`) + ` — thresholds PSI ≥ ${d.thresholds.psi}, JS ≥ ${d.thresholds.js}` +
    (d.thresholds.wasserstein === null ? '' : `, Wasserstein ≥ ${d.thresholds.wasserstein}`) + (d.thresholds.ks === null ? '' : `, KS ≥ ${d.thresholds.ks}`)];
  lines.push('', d.schemaChanges.length ? 'Schema changes:' : 'No schema changes.');
  if (d.schemaChanges.length) {
    lines.push(table(['FIELD', 'CHANGE', 'FROM TYPE', 'TO TYPE'], d.schemaChanges.map((c) => [c.field, c.change, c.fromType ?? '-', c.toType ?? '-'])));
  }
  if (d.fields.length) {
    lines.push('', 'Fields:', table(['FIELD', 'KIND', 'PSI', 'JS', 'WASSERSTEIN', 'KS', 'DRIFTED', 'NOTE'], d.fields.map((f) => [
      f.field, f.kind ?? '-', num(f.psi), num(f.jensenShannon), num(f.wasserstein), num(f.ks),
      f.drifted === null ? '-' : f.drifted ? 'yes' : 'no', f.note ?? '',
    ])));
  }
  return lines.join('\n');
}

export function quantifiedReport(q: QuantifiedData): string {
  const lines = [`Data change ${q.dataset.namespace}/${q.dataset.name} ${q.diff.from.version} → ${q.diff.to.version}: ` +
    `${q.deployments.length} served deployment(s) depend on it (score: ${q.measure} × importance × weight × traffic share)`];
  if (q.deployments.length) {
    lines.push('', table(['RANK', 'DEPLOYMENT', 'STATUS', 'SCORE', 'FEATURES', 'OBSERVED'], q.deployments.map((d, i) => [
      i + 1, d.deployment, d.status, num(d.score), d.features.map((f) => `${f.feature} (${f.modelVersion}${f.ensemble ? ` via ${f.ensemble}` : ''}` +
        `: ${f.breaking ? f.columns.filter((c) => c.change).map((c) => `${c.field} ${c.change}`).join(', ') : num(f.contribution)})`).join('; ') || '-',
      d.observed ? `${d.observed.metric} ${num(d.observed.before)} → ${num(d.observed.after)}` : '-',
    ])));
  }
  for (const d of q.deployments) {
    if (d.withoutFieldLineage.length) lines.push(`Note: ${d.deployment} serves ${d.withoutFieldLineage.join(', ')} without field-level lineage to the dataset.`);
  }
  if (q.truncated) lines.push('', 'Note: the traversal hit its node limit; deployments may be missing.');
  return lines.join('\n');
}

export interface ProfiledField { name: string; type?: string | null; profile?: Record<string, unknown> | null }

export function profileReport(label: string, rowCount: number, fields: ProfiledField[]): string {
  const p = (f: ProfiledField, key: string) => f.profile?.[key] as number | undefined;
  const top = (f: ProfiledField) => ((f.profile?.topValues as { value: string; count: number }[] | undefined) ?? []).slice(0, 3)
    .map((t) => `${t.value} (${t.count})`).join(', ');
  return [`Registered ${label}: ${rowCount} rows, ${fields.length} fields`, '',
    table(['FIELD', 'TYPE', 'NULLS', 'DISTINCT', 'MIN', 'MAX', 'MEAN', 'TOP VALUES'], fields.map((f) => [
      f.name, f.type ?? '-', num(p(f, 'nulls')), num(p(f, 'distinct')), num(p(f, 'min')), num(p(f, 'max')), num(p(f, 'mean')), top(f) || '-',
    ]))].join('\n');
}

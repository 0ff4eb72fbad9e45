import { originsText, table } from './format';

type N = { label: string };

export interface ProvenanceData {
  origin: { type: string; label: string }; origins: { type: string; label: string }[]; asOf: string | null; knownAt: string | null; truncated: boolean;
  served: { deployment: N; target: N; trafficShare: number | null }[];
  members: { ensemble: N; modelVersion: N; weight: number | null }[];
  training: { modelVersion: N; datasetVersion: N; role: string | null }[];
  featureUses: { modelVersion: N; feature: N; importance: number | null }[];
  fields: N[];
  runs: { runId: string; job: string | null; codeVersion: string | null; parameters: unknown; read: N[]; wrote: N[]; produced: N[] }[];
  datasetVersions: { datasetVersion: N; raw: boolean }[];
  rawDatasets: N[];
}

const labels = (nodes: N[]) => nodes.map((n) => n.label).join(', ') || '-';

/** The upstream closure as sections, one table each, empty sections left out. */
export function provenanceReport(p: ProvenanceData): string {
  const sections: [string, string[], (string | number)[][]][] = [
    ['Serves', ['DEPLOYMENT', 'TARGET', 'TRAFFIC'], p.served.map((s) => [s.deployment.label, s.target.label, s.trafficShare ?? '-'])],
    ['Ensemble members', ['ENSEMBLE', 'MODEL VERSION', 'WEIGHT'], p.members.map((m) => [m.ensemble.label, m.modelVersion.label, m.weight ?? '-'])],
    ['Trained on', ['MODEL VERSION', 'DATASET VERSION', 'ROLE'], p.training.map((t) => [t.modelVersion.label, t.datasetVersion.label, t.role ?? '-'])],
    ['Features', ['MODEL VERSION', 'FEATURE', 'IMPORTANCE'], p.featureUses.map((f) => [f.modelVersion.label, f.feature.label, f.importance ?? '-'])],
    ['Fields', ['FIELD'], p.fields.map((f) => [f.label])],
    ['Runs', ['RUN', 'JOB', 'CODE', 'PARAMETERS', 'READ', 'WROTE/PRODUCED'], p.runs.map((r) => [
      r.runId, r.job ?? '-', r.codeVersion ?? '-', JSON.stringify(r.parameters ?? {}), labels(r.read), labels([...r.wrote, ...r.produced]),
    ])],
    ['Dataset versions', ['DATASET VERSION', 'RAW'], p.datasetVersions.map((v) => [v.datasetVersion.label, v.raw ? 'raw' : 'derived'])],
  ];
  const lines = [`Provenance of ${originsText(p.origins)} (as of ${p.asOf ?? 'now'}${p.knownAt ? `, as known at ${p.knownAt}` : ''})`];
  for (const [title, header, rows] of sections) if (rows.length) lines.push('', `${title}:`, table(header, rows));
  lines.push('', `Raw datasets: ${labels(p.rawDatasets)}`);
  if (p.truncated) lines.push('', 'Note: the traversal hit its node limit; the closure is incomplete.');
  return lines.join('\n');
}

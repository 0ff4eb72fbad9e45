import { CliError, EXIT } from './client';

/** The node-naming options of `impact`, `provenance` and `lineage`, turned into a GraphQL NodeRef. */
export interface NodeOptions {
  namespace?: string; dataset?: string; version?: string; field?: string; feature?: string; job?: string; run?: string; model?: string;
  modelVersion?: string; deployment?: string; ensemble?: string;
}

const NAMING: [keyof NodeOptions, string][] = [
  ['dataset', '--dataset'], ['feature', '--feature'], ['job', '--job'], ['run', '--run'], ['model', '--model'], ['modelVersion', '--model-version'],
  ['deployment', '--deployment'], ['ensemble', '--ensemble'],
];

/** `offered`: the naming options the command has (the error lists those). */
export function nodeRefOf(o: NodeOptions, offered: (keyof NodeOptions)[] = NAMING.map(([k]) => k)): Record<string, string> {
  const named = NAMING.filter(([k]) => o[k]);
  if (named.length !== 1) {
    throw new CliError(`name exactly one of ${NAMING.filter(([k]) => offered.includes(k)).map(([, flag]) => flag).join(', ')}`, EXIT.USAGE);
  }
  if ((o.version || o.field) && !o.dataset) throw new CliError('--version and --field go with --dataset', EXIT.USAGE);
  if (o.dataset) {
    const { namespace, name } = o.namespace ? { namespace: o.namespace, name: o.dataset } : namespaced(o.dataset, '--dataset');
    if (o.field) return { type: 'FIELD', namespace, name, field: o.field, ...(o.version ? { version: o.version } : {}) };
    if (o.version) return { type: 'DATASET_VERSION', namespace, name, version: o.version };
    return { type: 'DATASET', namespace, name };
  }
  if (o.feature) return { type: 'FEATURE', ...namespaced(o.feature, '--feature') };
  if (o.job) return { type: 'JOB', ...namespaced(o.job, '--job') };
  if (o.modelVersion) {
    const at = o.modelVersion.lastIndexOf('@');
    if (at <= 0 || at === o.modelVersion.length - 1) throw new CliError('--model-version takes <model>@<version>', EXIT.USAGE);
    return { type: 'MODEL_VERSION', model: o.modelVersion.slice(0, at), version: o.modelVersion.slice(at + 1) };
  }
  if (o.ensemble) return { type: 'ENSEMBLE', name: o.ensemble };
  if (o.run) return { type: 'RUN', id: o.run };
  if (o.model) return { type: 'MODEL', name: o.model };
  return { type: 'DEPLOYMENT', name: o.deployment! };
}

/**
 * "namespace/name", split at the last slash ("postgres://db:5432/public.orders"); when both hold
 * slashes ("s3://bucket" + "path/file"), give --namespace and the bare name instead.
 */
function namespaced(value: string, option: string): { namespace: string; name: string } {
  const slash = value.lastIndexOf('/');
  if (slash <= 0 || slash === value.length - 1) throw new CliError(`${option} takes <namespace>/<name>`, EXIT.USAGE);
  return { namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}

/** --as-of, --known-at: any date Date.parse understands, sent as ISO 8601. */
export function asOfOption(value: string | undefined, option = '--as-of'): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new CliError(`${option}: '${value}' is not a date/time (use ISO 8601, e.g. 2026-01-10T00:00:00Z)`, EXIT.USAGE);
  return new Date(t).toISOString();
}

/** --known-at. */
export function knownAtOption(value: string | undefined): string | undefined {
  return asOfOption(value, '--known-at');
}

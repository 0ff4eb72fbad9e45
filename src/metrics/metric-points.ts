import { BadInputError } from '../common/errors';
import { jsonProperty, requireName } from '../common/validate';
import { MetricPointInput, MetricTargetInput } from './metrics.types';
import { hourOf } from './time-buckets';

/** The write side before Neo4j: validated points, grouped into the hour buckets they belong in. */
export type TargetKind = 'MODEL_VERSION' | 'DEPLOYMENT' | 'ENSEMBLE';
export interface Target { kind: TargetKind; key: string }

export const MAX_POINTS_PER_CALL = 50_000;
const MAX_TAGS_BYTES = 2048;

export interface BucketWrite {
  target: Target;
  name: string;
  /** The hour, epoch ms. */
  start: number;
  /** Parallel lists, ascending by timestamp; '' where a point has no dataset version or tags. */
  points: number[];
  values: number[];
  datasets: string[];
  tags: string[];
}

/** Exactly one of modelVersion / deployment / ensemble. */
export function parseTarget(t: MetricTargetInput, field: string): Target {
  const given = ([['MODEL_VERSION', t.modelVersion], ['DEPLOYMENT', t.deployment], ['ENSEMBLE', t.ensemble]] as const)
    .filter(([, key]) => key !== undefined && key !== null);
  if (given.length !== 1) throw new BadInputError(`${field} must name exactly one of modelVersion, deployment or ensemble.`, field);
  const [kind, key] = given[0];
  return { kind, key: requireName(key, `${field}.${kind === 'MODEL_VERSION' ? 'modelVersion' : kind.toLowerCase()}`) };
}

export function targetLabel(t: Target): string {
  return t.kind === 'MODEL_VERSION' ? 'ModelVersion' : t.kind === 'DEPLOYMENT' ? 'Deployment' : 'Ensemble';
}

/** A time range [from, to) must not be empty. */
export function checkRange(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw new BadInputError('from must be before to.', 'from');
}

/**
 * Validates every point first (so a bad one writes nothing) and groups them by series and hour.
 * A timestamp repeated within the batch keeps its last value, as a re-send would.
 */
export function groupPoints(input: MetricPointInput[]): BucketWrite[] {
  if (input.length > MAX_POINTS_PER_CALL) throw new BadInputError(`At most ${MAX_POINTS_PER_CALL} points per call.`, 'points');
  const buckets = new Map<string, BucketWrite & { byTime: Map<number, [number, string, string]> }>();
  input.forEach((p, i) => {
    const field = `points[${i}]`;
    const target = parseTarget(p.target, `${field}.target`);
    const name = requireName(p.name, `${field}.name`);
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) throw new BadInputError(`${field}.value must be a finite number.`, `${field}.value`);
    const at = p.timestamp instanceof Date ? p.timestamp.getTime() : NaN;
    if (!Number.isFinite(at)) throw new BadInputError(`${field}.timestamp must be a valid date-time.`, `${field}.timestamp`);
    const dataset = p.datasetVersionId == null ? '' : requireName(p.datasetVersionId, `${field}.datasetVersionId`);
    const tags = jsonProperty(p.tags, `${field}.tags`, MAX_TAGS_BYTES) ?? '';
    const start = hourOf(at);
    const key = JSON.stringify([target.kind, target.key, name, start]);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { target, name, start, points: [], values: [], datasets: [], tags: [], byTime: new Map() }));
    bucket.byTime.set(at, [p.value, dataset, tags]);
  });
  return [...buckets.values()].map(({ byTime, ...b }) => {
    for (const [at, [value, dataset, tags]] of [...byTime].sort((x, y) => x[0] - y[0])) {
      b.points.push(at);
      b.values.push(value);
      b.datasets.push(dataset);
      b.tags.push(tags);
    }
    return b;
  });
}

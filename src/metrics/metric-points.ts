import { BadInputError } from '../common/errors';
import { jsonProperty, requireName } from '../common/validate';
import { CheckedRef, checkRef } from '../graph/node-ref-check';
import { displayLabel, NODE_TYPES, NodeType } from '../graph/node-types';
import { MetricPointInput, MetricTargetInput } from './metrics.types';
import { hourOf } from './time-buckets';

/** The write side before Neo4j: validated points, grouped by series and by the hour buckets they belong in. */
export type TargetKind = 'MODEL_VERSION' | 'DEPLOYMENT' | 'ENSEMBLE';
/**
 * `key` is the id of a model version, or the name of a deployment or ensemble; a model version
 * given by its natural key has `model` and `version`, and `key` is its display label ("fraud@2").
 */
export interface Target { kind: TargetKind; key: string; model: string | null; version: string | null }

export const MAX_POINTS_PER_CALL = 50_000;
const MAX_TAGS_BYTES = 2048;

export interface BucketWrite {
  /** The hour, epoch ms. */
  start: number;
  /** Parallel lists, ascending by timestamp, one entry per timestamp; '' where a point has no dataset version or tags. */
  points: number[];
  values: number[];
  /** Of `values`: what an append adds to the bucket's summary. */
  sum: number;
  min: number;
  max: number;
  /** null when no point of the bucket names one (not stored then: the usual monitoring feed). */
  datasets: string[] | null;
  tags: string[] | null;
}

/** One series (target and metric name) and the hour buckets of it that a batch writes, oldest first. */
export interface SeriesWrite { target: Target; name: string; buckets: BucketWrite[] }

export interface PointBatch {
  /** In a fixed order (by target and name), so concurrent batches lock series in the same order. */
  series: SeriesWrite[];
  /** Dataset version ids the points name, each once. */
  datasetIds: string[];
  /** Points to store, after collapsing repeats of one timestamp. */
  points: number;
}

/** Exactly one of modelVersion / model + version / deployment / ensemble. */
export function parseTarget(t: MetricTargetInput, field: string): Target {
  const present = (x: string | null | undefined) => x !== undefined && x !== null;
  const byKey = present(t.model) || present(t.version);
  const given = ([['MODEL_VERSION', t.modelVersion], ['DEPLOYMENT', t.deployment], ['ENSEMBLE', t.ensemble]] as const)
    .filter(([, key]) => present(key));
  if (given.length + (byKey ? 1 : 0) !== 1 || (byKey && !(present(t.model) && present(t.version)))) {
    throw new BadInputError(`${field} must name exactly one of modelVersion, model + version, deployment or ensemble.`, field);
  }
  if (byKey) {
    const model = requireName(t.model, `${field}.model`);
    const version = requireName(t.version, `${field}.version`);
    return { kind: 'MODEL_VERSION', key: displayLabel(NodeType.MODEL_VERSION, { model, version })!, model, version };
  }
  const [kind, key] = given[0];
  return { kind, key: requireName(key, `${field}.${kind === 'MODEL_VERSION' ? 'modelVersion' : kind.toLowerCase()}`), model: null, version: null };
}

/** The entity name of the target's type ("ModelVersion"), as NOT_FOUND errors name it. */
export function targetLabel(t: Target): string {
  return NODE_TYPES[NodeType[t.kind]].label;
}

/** The target as a graph reference (a model version by id or key, a deployment or ensemble by name), for resolveRefs. */
export function targetRef(t: Target, path: string): CheckedRef {
  if (t.kind !== 'MODEL_VERSION') return checkRef(NodeType[t.kind], { name: t.key }, path);
  return checkRef(NodeType.MODEL_VERSION, t.model !== null ? { model: t.model, version: t.version } : { id: t.key }, path);
}

/** A time range [from, to) must not be empty. */
export function checkRange(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw new BadInputError('from must be before to.', 'from');
}

interface SeriesGroup {
  target: Target;
  name: string;
  /** The target as given, to recognise the next point of the same series without parsing it again. */
  given: [string | null, string | null, string | null, string | null, string | null];
  hours: Map<number, BucketGroup>;
  last: BucketGroup | undefined;
}
interface BucketGroup extends Omit<BucketWrite, 'sum' | 'min' | 'max'> {
  datasets: string[];
  tags: string[];
  ordered: boolean;
  /** Whether a point names a dataset version, has tags. */
  described: { datasets: boolean; tags: boolean };
}

/**
 * Validates every point first (so a bad one writes nothing) and groups them by series and hour.
 * A timestamp repeated within the batch keeps its last value, as a re-send would.
 *
 * Written for batches of thousands of points: a point of the same series as the one before it (an
 * exporter sends a series' points together) is neither parsed nor looked up again, field paths for
 * error messages are built only on an error, and points arriving in time order, the usual case,
 * go straight into their bucket's lists with no sorting or de-duplication pass.
 */
export function groupPoints(input: readonly MetricPointInput[]): PointBatch {
  if (input.length > MAX_POINTS_PER_CALL) throw new BadInputError(`At most ${MAX_POINTS_PER_CALL} points per call.`, 'points');
  const groups = new Map<string, SeriesGroup>();
  const datasetIds = new Set<string>();
  let group: SeriesGroup | undefined;
  for (let i = 0; i < input.length; i++) {
    const p = input[i];
    if (!group || !isSeries(group, p)) group = seriesGroup(groups, p, i);
    const value = p.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadInputError(`points[${i}].value must be a finite number.`, `points[${i}].value`);
    const at = p.timestamp instanceof Date ? p.timestamp.getTime() : NaN;
    if (!Number.isFinite(at)) throw new BadInputError(`points[${i}].timestamp must be a valid date-time.`, `points[${i}].timestamp`);
    let dataset = '';
    if (p.datasetVersionId != null) datasetIds.add((dataset = requireName(p.datasetVersionId, `points[${i}].datasetVersionId`)));
    const tags = p.tags == null ? '' : jsonProperty(p.tags, `points[${i}].tags`, MAX_TAGS_BYTES)!;
    const start = hourOf(at);
    let bucket = group.last;
    if (!bucket || bucket.start !== start) {
      bucket = group.hours.get(start);
      if (!bucket) {
        bucket = { start, points: [], values: [], datasets: [], tags: [], ordered: true, described: { datasets: false, tags: false } };
        group.hours.set(start, bucket);
      }
      group.last = bucket;
    }
    if (dataset) bucket.described.datasets = true;
    if (tags) bucket.described.tags = true;
    const n = bucket.points.length;
    if (n > 0 && at <= bucket.points[n - 1]) bucket.ordered = false;
    bucket.points.push(at);
    bucket.values.push(value);
    bucket.datasets.push(dataset);
    bucket.tags.push(tags);
  }
  let stored = 0;
  const series = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => {
    const buckets = [...g.hours.values()].sort((a, b) => a.start - b.start).map((b) => {
      const { start, points, values, datasets, tags } = b.ordered ? b : inTimeOrder(b);
      stored += points.length;
      let sum = 0, min = values[0], max = values[0];
      for (const v of values) {
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return { start, points, values, sum, min, max, datasets: b.described.datasets ? datasets : null, tags: b.described.tags ? tags : null };
    });
    return { target: g.target, name: g.name, buckets };
  });
  return { series, datasetIds: [...datasetIds], points: stored };
}

function given(t: MetricTargetInput): SeriesGroup['given'] {
  return [t.modelVersion ?? null, t.deployment ?? null, t.ensemble ?? null, t.model ?? null, t.version ?? null];
}

function isSeries(g: SeriesGroup, p: MetricPointInput): boolean {
  const t = p.target;
  return p.name === g.name && (t.modelVersion ?? null) === g.given[0] && (t.deployment ?? null) === g.given[1] && (t.ensemble ?? null) === g.given[2]
    && (t.model ?? null) === g.given[3] && (t.version ?? null) === g.given[4];
}

/** The group of point i's series, its target and name validated (in that order, as the messages promise). */
function seriesGroup(groups: Map<string, SeriesGroup>, p: MetricPointInput, i: number): SeriesGroup {
  const target = parseTarget(p.target, `points[${i}].target`);
  const name = requireName(p.name, `points[${i}].name`);
  // Names hold no control characters (requireName), so '\n' cannot occur inside a part.
  const key = `${target.kind}\n${target.key}\n${name}`;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { target, name, given: given(p.target), hours: new Map(), last: undefined }));
  return g;
}

/** A bucket's points ascending by timestamp, keeping the last one given of a repeated timestamp. */
function inTimeOrder(b: BucketGroup): Pick<BucketGroup, 'start' | 'points' | 'values' | 'datasets' | 'tags'> {
  // Array.prototype.sort is stable: equal timestamps stay in the order they were given.
  const order = b.points.map((_, i) => i).sort((x, y) => b.points[x] - b.points[y]);
  const keep = order.filter((i, k) => k + 1 === order.length || b.points[order[k + 1]] !== b.points[i]);
  return {
    start: b.start,
    points: keep.map((i) => b.points[i]), values: keep.map((i) => b.values[i]),
    datasets: keep.map((i) => b.datasets[i]), tags: keep.map((i) => b.tags[i]),
  };
}

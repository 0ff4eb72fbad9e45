import { BadInputError, NotFoundError } from '../common/errors';
import { requireName } from '../common/validate';
import { Transactions, Tx } from '../db/db';
import { requestScope } from '../db/request-scope';
import { aggregateAll, aggregateBuckets } from './aggregation';
import { checkRange, groupPoints, parseTarget, Target, targetLabel } from './metric-points';
import { MetricsRepository } from './metrics.repository';
import {
  MetricAggregate, MetricPointInput, MetricTargetInput, MetricValue, RecordMetricsResult, TimeBucket, VersionMetric,
} from './metrics.types';
import { BUCKET_MS, hourOf, needsPoints } from './time-buckets';

/**
 * Metrics over time, stored as bucketed series.
 *
 * Storage: one (:MetricSeries {targetId, name}) per target and metric, linked MEASURES to its
 * target, and one (:MetricBucket {seriesId, start}) per series and UTC hour holding the hour's
 * points as parallel lists (points: epoch ms, values, datasets, tags) plus a running summary
 * (count, sum, min, max, last, lastAt). Why:
 * - One node per point would be 525,600 nodes per target-year; hour buckets make it 8,760 nodes of
 *   ~1 KB, and a batch of points touches one node per hour, not one per point.
 * - Hours, not days: Neo4j rewrites a list property whole on every change, so a live feed of one
 *   point a minute rewrites at most 60 entries per write; a day bucket would rewrite up to 1,440.
 * - Summaries answer HOUR/DAY/WEEK AVG/MIN/MAX/LAST/COUNT without reading the lists, so a year at
 *   DAY granularity reads 8,760 small rows; MINUTE and percentiles read the lists.
 * - The bucket key (seriesId, start) is a unique constraint: the MERGE of a write and the range
 *   scan of a read are index lookups, and re-sending a point replaces it (same timestamp).
 */
/** Points written in a transaction, and how to tell the listeners once it has committed. */
export interface RecordedPoints {
  result: RecordMetricsResult;
  announce(): void;
}

export class MetricsService {
  private readonly recordedListeners: ((seriesIds: string[]) => void)[] = [];

  constructor(private readonly repo: MetricsRepository, private readonly db: Transactions) {}

  /** Told, after the points of a record() commit, the ids of the series that got them (alert evaluation). */
  onRecorded(listener: (seriesIds: string[]) => void): void {
    this.recordedListeners.push(listener);
  }

  /**
   * Listeners (alert evaluation) run outside the recording request's scope: their transactions are
   * not that request's (not audited with it, not bounded by its deadline or its connection share).
   */
  private announce(seriesIds: string[]): void {
    requestScope.exit(() => { for (const listener of this.recordedListeners) listener(seriesIds); });
  }

  /** All points in one transaction: a bad point or an unknown target or dataset version writes nothing. */
  async record(points: readonly MetricPointInput[]): Promise<RecordMetricsResult> {
    let recorded: RecordedPoints | undefined;
    const result = await this.db.write(async (tx) => {
      recorded = await this.recordIn(tx, points);
      return recorded.result;
    });
    recorded!.announce();
    return result;
  }

  /**
   * The points written in the caller's transaction (outcome batches write their rolling loss and
   * accuracy with the rest of the batch); the caller calls `announce()` once that has committed.
   */
  async recordIn(tx: Tx, points: readonly MetricPointInput[]): Promise<RecordedPoints> {
    const batch = groupPoints(points);
    const series = batch.series.map(({ target, name }) => ({ ...target, name }));
    if (batch.datasetIds.length) {
      const known = await this.repo.existingDatasetVersions(tx, batch.datasetIds);
      const missingDataset = batch.datasetIds.find((id) => !known.has(id));
      if (missingDataset) throw new NotFoundError('DatasetVersion', missingDataset);
    }
    const seriesIds = await this.repo.upsertSeries(tx, series);
    const missing = series.find((s) => !seriesIds.has(JSON.stringify([s.kind, s.key, s.name])));
    if (missing) throw new NotFoundError(targetLabel(missing), missing.key); // rolls back the series made so far
    const buckets = batch.series.flatMap(({ target, name, buckets }) => {
      const seriesId = seriesIds.get(JSON.stringify([target.kind, target.key, name]))!;
      return buckets.map(({ start, ...lists }) => ({ ...lists, seriesId, start: new Date(start) }));
    });
    // One lock order for every writer (series id, then hour): batches sharing buckets queue instead of deadlocking.
    buckets.sort((a, b) => (a.seriesId < b.seriesId ? -1 : a.seriesId > b.seriesId ? 1 : a.start.getTime() - b.start.getTime()));
    const written = await this.repo.upsertBuckets(tx, buckets);
    const touched = [...new Set(buckets.map((b) => b.seriesId))];
    return { result: { points: batch.points, series: series.length, buckets: written }, announce: () => this.announce(touched) };
  }

  async series(targetInput: MetricTargetInput, nameInput: string, from: Date, to: Date, bucket: TimeBucket, aggregate: MetricAggregate): Promise<MetricValue[]> {
    const target = parseTarget(targetInput, 'target');
    const name = requireName(nameInput, 'name');
    checkRange(from, to);
    if ((to.getTime() - from.getTime()) / BUCKET_MS[bucket] > MAX_SLOTS) {
      throw new BadInputError(`That range holds more than ${MAX_SLOTS} ${bucket} buckets: use a coarser bucket or a shorter range.`, 'bucket');
    }
    const needPoints = needsPoints(bucket, aggregate);
    const rows = await this.db.read(async (tx) => {
      const targetId = await this.resolve(tx, target);
      return this.repo.bucketsInRange(tx, { targetId, name, from, to, fromHour: new Date(hourOf(from.getTime())), needPoints });
    });
    return aggregateBuckets(rows, from, to, bucket, aggregate, needPoints);
  }

  /** Versions in creation order; each its points aggregated, or its offline metric when it has none. */
  async acrossVersions(modelInput: string, metricInput: string, aggregate: MetricAggregate): Promise<VersionMetric[]> {
    const model = requireName(modelInput, 'model');
    const metric = requireName(metricInput, 'metric');
    const keepValues = aggregate === MetricAggregate.P50 || aggregate === MetricAggregate.P95;
    const rows = await this.repo.acrossVersions({ model, metric, needValues: keepValues });
    if (!rows) throw new NotFoundError('Model', model);
    return rows.filter((r) => r.version !== null).map(({ version, buckets }) => {
      const measured = aggregateAll(buckets, aggregate, keepValues);
      const offlineValue = offlineMetric(version!.metrics, metric);
      return {
        modelVersionId: version!.id, version: version!.version, createdAt: version!.createdAt,
        value: measured.count ? measured.value : offlineValue, count: measured.count, offlineValue,
      };
    });
  }

  private async resolve(tx: Tx, target: Target): Promise<string> {
    const id = await this.repo.resolveTarget(tx, target);
    if (!id) throw new NotFoundError(targetLabel(target), target.key);
    return id;
  }
}

/** Far more slots than a chart can show; bounds the work one query can ask for. */
export const MAX_SLOTS = 100_000;

/** The metric's number in the version's registration metrics JSON, if it is one. */
function offlineMetric(json: string | null, metric: string): number | null {
  if (!json) return null;
  try {
    const value = (JSON.parse(json) as Record<string, unknown>)[metric];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

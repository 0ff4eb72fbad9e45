import { Db, Tx } from '../db/db';
import * as Q from '../generated/cypher';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveRefs } from '../graph/resolve-refs';
import { StoredBucket } from './aggregation';
import { BucketWrite, Target, targetRef } from './metric-points';

export interface VersionBuckets {
  version: { id: string; version: string; createdAt: Date; metrics: string | null } | null;
  buckets: StoredBucket[];
}
export interface ServesRow { deployment: string; servedFrom: Date | null; servedTo: Date | null; modelVersionId: string | null; ensemble: string | null }
export interface AliasRow { model: string; alias: string; at: Date; modelVersionId: string; version: string }
export interface DatasetVersionRow { namespace: string; dataset: string; version: string; datasetVersionId: string; at: Date; trainedOn: boolean }

/** The only code that talks to Neo4j about metric series, their buckets and their time lines. */
export class MetricsRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.read(work);
  }

  /** Which of these dataset version ids exist (points may name the version they were measured on). */
  async existingDatasetVersions(tx: Tx, ids: string[]): Promise<Set<string>> {
    const found = await resolveRefs(tx, ids.map((id) => checkRef(NodeType.DATASET_VERSION, { id }, 'datasetVersionId')));
    return new Set(found.flatMap((v) => (v ? [v.id] : [])));
  }

  /** Series ids by JSON [kind, key, name]; targets that do not exist are absent. */
  async upsertSeries(tx: Tx, series: { kind: string; key: string; name: string }[]): Promise<Map<string, string>> {
    const rows = await tx.run<{ kind: string; key: string; name: string; seriesId: string }>(Q.metricsUpsertSeries, { series });
    return new Map(rows.map((r) => [JSON.stringify([r.kind, r.key, r.name]), r.seriesId]));
  }

  /** Each bucket's points ascending by timestamp, one per timestamp (as groupPoints makes them). */
  async upsertBuckets(tx: Tx, buckets: (Omit<BucketWrite, 'start'> & { seriesId: string; start: Date })[]): Promise<number> {
    const row = await tx.one<{ buckets: number }>(Q.metricsUpsertBuckets, { buckets });
    return row?.buckets ?? 0;
  }

  /** The id of the target, if it exists. */
  async resolveTarget(tx: Tx, target: Target): Promise<string | undefined> {
    return (await resolveRefs(tx, [targetRef(target, 'target')]))[0]?.id;
  }

  bucketsInRange(tx: Tx, p: { targetId: string; name: string; from: Date; to: Date; fromHour: Date; needPoints: boolean }): Promise<StoredBucket[]> {
    return tx.run<StoredBucket>(Q.metricsBucketsInRange, p);
  }

  /** Undefined when the model does not exist. */
  async acrossVersions(p: { model: string; metric: string; needValues: boolean }): Promise<VersionBuckets[] | undefined> {
    const rows = await this.db.read((tx) => tx.run<VersionBuckets>(Q.metricsAcrossVersions, p));
    return rows.length ? rows : undefined;
  }

  async eventScope(tx: Tx, target: Target): Promise<{ targetId: string; modelVersionIds: string[] } | undefined> {
    return tx.one(Q.metricsEventScope, target);
  }

  servesEvents(tx: Tx, p: { targetId: string; from: Date; to: Date }): Promise<ServesRow[]> {
    return tx.run<ServesRow>(Q.metricsEventsServes, p);
  }

  aliasEvents(tx: Tx, p: { modelVersionIds: string[]; from: Date; to: Date }): Promise<AliasRow[]> {
    return tx.run<AliasRow>(Q.metricsEventsAliases, p);
  }

  datasetVersionEvents(tx: Tx, p: { modelVersionIds: string[]; from: Date; to: Date }): Promise<DatasetVersionRow[]> {
    return tx.run<DatasetVersionRow>(Q.metricsEventsDatasetVersions, p);
  }
}

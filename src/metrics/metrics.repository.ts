import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveRefs } from '../graph/resolve-refs';
import { StoredBucket } from './aggregation';
import { Target, targetRef } from './metric-points';

export type VersionBuckets = RowOf<typeof Q.metricsAcrossVersions>;
export type ServesRow = RowOf<typeof Q.metricsEventsServes>;
export type AliasRow = RowOf<typeof Q.metricsEventsAliases>;
export type DatasetVersionRow = RowOf<typeof Q.metricsEventsDatasetVersions>;
export type MemberRow = RowOf<typeof Q.metricsEventsMembers>;
export type EventScope = RowOf<typeof Q.metricsEventScope>;
export type BucketRow = ParamsOf<typeof Q.metricsUpsertBuckets>['buckets'][number];

/** The only code that talks to Neo4j about metric series, their buckets and their time lines. */
export class MetricsRepository {
  constructor(private readonly db: Db) {}

  /** Which of these dataset version ids exist (points may name the version they were measured on). */
  async existingDatasetVersions(tx: Tx, ids: string[]): Promise<Set<string>> {
    const found = await resolveRefs(tx, ids.map((id) => checkRef(NodeType.DATASET_VERSION, { id }, 'datasetVersionId')));
    return new Set(found.flatMap((v) => (v ? [v.id] : [])));
  }

  /** Series ids by JSON [kind, key, name]; targets that do not exist are absent. */
  async upsertSeries(tx: Tx, series: { kind: string; key: string; name: string }[]): Promise<Map<string, string>> {
    const rows = await tx.run(Q.metricsUpsertSeries, { series });
    return new Map(rows.map((r) => [JSON.stringify([r.kind, r.key, r.name]), r.seriesId]));
  }

  /** Each bucket's points ascending by timestamp, one per timestamp (as groupPoints makes them). */
  async upsertBuckets(tx: Tx, buckets: BucketRow[]): Promise<number> {
    const row = await tx.one(Q.metricsUpsertBuckets, { buckets });
    return row?.buckets ?? 0;
  }

  /** The id of the target, if it exists. */
  async resolveTarget(tx: Tx, target: Target): Promise<string | undefined> {
    return (await resolveRefs(tx, [targetRef(target, 'target')]))[0]?.id;
  }

  bucketsInRange(tx: Tx, p: ParamsOf<typeof Q.metricsBucketsInRange>): Promise<StoredBucket[]> {
    return tx.run(Q.metricsBucketsInRange, p);
  }

  /** Undefined when the model does not exist. */
  async acrossVersions(p: ParamsOf<typeof Q.metricsAcrossVersions>): Promise<VersionBuckets[] | undefined> {
    const rows = await this.db.readOne((tx) => tx.run(Q.metricsAcrossVersions, p));
    return rows.length ? rows : undefined;
  }

  async eventScope(tx: Tx, target: Target): Promise<EventScope | undefined> {
    return tx.one(Q.metricsEventScope, { kind: target.kind, key: target.key, model: target.model, version: target.version });
  }

  memberEvents(tx: Tx, p: ParamsOf<typeof Q.metricsEventsMembers>): Promise<MemberRow[]> {
    return tx.run(Q.metricsEventsMembers, p);
  }

  servesEvents(tx: Tx, p: ParamsOf<typeof Q.metricsEventsServes>): Promise<ServesRow[]> {
    return tx.run(Q.metricsEventsServes, p);
  }

  aliasEvents(tx: Tx, p: ParamsOf<typeof Q.metricsEventsAliases>): Promise<AliasRow[]> {
    return tx.run(Q.metricsEventsAliases, p);
  }

  datasetVersionEvents(tx: Tx, p: ParamsOf<typeof Q.metricsEventsDatasetVersions>): Promise<DatasetVersionRow[]> {
    return tx.run(Q.metricsEventsDatasetVersions, p);
  }
}

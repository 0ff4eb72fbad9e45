import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { WindowBucket } from './observed-change';
import { FeatureUse } from './scoring';

/**
 * The only code that talks to Neo4j for data-change impact besides the impact traversal itself
 * (src/lineage/lineage.repository.ts): the feature-to-column detail and the metric windows.
 */
export class DataChangeRepository {
  constructor(private readonly db: Db) {}

  /** The features the model versions use, each with the columns of the dataset it is computed from. */
  featureSources(tx: Tx, p: ParamsOf<typeof Q.datachangeFeatureSources>): Promise<FeatureUse[]> {
    return tx.run(Q.datachangeFeatureSources, p);
  }

  /** The hour buckets of each deployment's metric around `at` (see cypher/datachange/metric-windows.cypher). */
  metricWindows(p: { deployments: string[]; metric: string; from: Date; at: Date; to: Date }): Promise<WindowBucket[]> {
    const fromHour = new Date(Math.floor(p.from.getTime() / 3_600_000) * 3_600_000);
    return this.db.readOne((tx) => tx.run(Q.datachangeMetricWindows, { ...p, fromHour }));
  }
}

import { Db } from '../db/db';
import * as Q from '../generated/cypher';
import { TraversalLimits } from '../lineage/traversal-limits';
import { LineageRepository } from '../lineage/lineage.repository';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveAll } from '../graph/resolve-refs';
import { toTraversal } from '../lineage/traversal';
import { WindowBucket } from './observed-change';
import { FeatureUse, ServedModelVersion } from './scoring';

export interface ServedDependents { served: ServedModelVersion[]; uses: FeatureUse[]; truncated: boolean }

/**
 * The only code that talks to Neo4j for data-change impact. Who depends on a dataset comes from
 * the impact traversal itself (cypher/lineage/downstream.cypher), so "affected" means here what it
 * means for `impact`; this module adds only the feature-to-column detail and the metric windows.
 */
export class DataChangeRepository {
  constructor(private readonly db: Db, private readonly lineage: LineageRepository, private readonly limits: TraversalLimits) {}

  /**
   * In one read transaction: everything downstream of the dataset now, the model versions in it
   * that are served now (directly or through an ensemble), and the features those use, each with
   * the dataset columns it is computed from.
   */
  servedDependents(datasetId: string): Promise<ServedDependents> {
    return this.lineage.read(async (tx) => {
      const [origin] = await resolveAll(tx, [checkRef(NodeType.DATASET, { id: datasetId }, 'dataset')]);
      const rows = await this.lineage.downstream(tx, {
        originElementId: origin.elementId, asOf: null, depth: this.limits.defaultDepth, maxNodes: this.limits.maxNodes,
      });
      const traversal = toTraversal(rows, this.limits.maxNodes);
      const served: ServedModelVersion[] = [...traversal.nodes.values()]
        .filter(({ node, row }) => node.type === NodeType.MODEL_VERSION && (row.serving ?? []).length > 0)
        .map(({ node, row }) => ({ modelVersionId: node.id, label: node.label, serving: row.serving! }));
      const uses = served.length
        ? await tx.run<FeatureUse>(Q.datachangeFeatureSources, { modelVersionIds: served.map((s) => s.modelVersionId), datasetId })
        : [];
      return { served, uses, truncated: traversal.truncated };
    }, this.limits.timeoutMs);
  }

  /** The hour buckets of each deployment's metric around `at` (see cypher/datachange/metric-windows.cypher). */
  metricWindows(p: { deployments: string[]; metric: string; from: Date; at: Date; to: Date }): Promise<WindowBucket[]> {
    const fromHour = new Date(Math.floor(p.from.getTime() / 3_600_000) * 3_600_000);
    return this.db.read((tx) => tx.run<WindowBucket>(Q.datachangeMetricWindows, { ...p, fromHour }));
  }
}

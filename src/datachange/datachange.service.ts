import { BadInputError } from '../common/errors';
import { requireName } from '../common/validate';
import { DatasetService } from '../dataset/dataset.service';
import { DatasetRef } from '../dataset/dataset.types';
import { DriftService } from '../drift/drift.service';
import { DriftThresholdsInput } from '../drift/drift.types';
import { Transactions } from '../db/db';
import { TraversalLimits } from '../lineage/traversal-limits';
import { LineageRepository } from '../lineage/lineage.repository';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveAll } from '../graph/resolve-refs';
import { toTraversal } from '../lineage/traversal';
import { DataChangeRepository } from './datachange.repository';
import { DataChangeImpact, DriftMeasure } from './datachange.types';
import { observedChange, WindowBucket, windowsAround } from './observed-change';
import { FeatureUse, rankDeployments, ServedModelVersion } from './scoring';

export interface ServedDependents { served: ServedModelVersion[]; uses: FeatureUse[]; truncated: boolean }

export interface DataChangeArgs {
  dataset: DatasetRef; from: string; to: string; thresholds?: DriftThresholdsInput; measure?: DriftMeasure;
  metric?: string | null; windowHours?: number;
}

export const DEFAULT_WINDOW_HOURS = 168;
const MAX_WINDOW_HOURS = 24 * 366;

/**
 * dataChangeImpact: the diff of two versions (the drift module's), who is served now downstream of
 * the dataset (the impact traversal itself, so "affected" means here what it means for `impact`),
 * then a score per deployment (scoring.ts) and, with a metric, what was observed around the moment
 * the new version became current.
 */
export class DataChangeService {
  constructor(
    private readonly repo: DataChangeRepository, private readonly lineage: LineageRepository, private readonly db: Transactions,
    private readonly limits: TraversalLimits, private readonly datasets: DatasetService, private readonly drift: DriftService,
  ) {}

  async impact(args: DataChangeArgs): Promise<DataChangeImpact> {
    const from = requireName(args.from, 'from');
    const to = requireName(args.to, 'to');
    const metric = args.metric == null ? null : requireName(args.metric, 'metric');
    const windowHours = args.windowHours ?? DEFAULT_WINDOW_HOURS;
    if (!Number.isInteger(windowHours) || windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
      throw new BadInputError(`windowHours must be between 1 and ${MAX_WINDOW_HOURS}.`, 'windowHours');
    }
    const measure = args.measure ?? DriftMeasure.PSI;
    const dataset = await this.datasets.resolve(args.dataset);
    const ref = (version: string) => ({ namespace: dataset.namespace, name: dataset.name, version });
    const diff = await this.drift.datasetDiff(ref(from), ref(to), args.thresholds);
    const { served, uses, truncated } = await this.servedDependents(dataset.id);
    const ranked = rankDeployments(diff, served, uses, measure);
    const observed = new Map<string, WindowBucket[]>();
    const windows = windowsAround(diff.to.createdAt, windowHours);
    if (metric !== null && ranked.length) {
      const rows = await this.repo.metricWindows({ deployments: ranked.map((d) => d.deployment), metric, ...windows });
      for (const r of rows) (observed.get(r.deployment) ?? observed.set(r.deployment, []).get(r.deployment)!).push(r);
    }
    return {
      dataset, diff, measure, truncated,
      deployments: ranked.map((d) => ({ ...d, observed: metric === null ? null : observedChange(metric, windows, observed.get(d.deployment) ?? []) })),
    };
  }

  /**
   * In one read transaction: everything downstream of the dataset now, the model versions in it
   * that are served now (directly or through an ensemble), and the features those use, each with
   * the dataset columns it is computed from.
   */
  private servedDependents(datasetId: string): Promise<ServedDependents> {
    return this.db.read(async (tx) => {
      const [origin] = await resolveAll(tx, [checkRef(NodeType.DATASET, { id: datasetId }, 'dataset')]);
      const rows = await this.lineage.downstream(tx, {
        originElementIds: [origin.elementId], asOf: null, knownAt: null, depth: this.limits.defaultDepth, maxNodes: this.limits.maxNodes,
      });
      const traversal = toTraversal(rows, this.limits.maxNodes);
      const served: ServedModelVersion[] = [...traversal.nodes.values()]
        .filter(({ node, row }) => node.type === NodeType.MODEL_VERSION && (row.serving ?? []).length > 0)
        .map(({ node, row }) => ({ modelVersionId: node.id, label: node.label, serving: row.serving! }));
      const uses = served.length ? await this.repo.featureSources(tx, { modelVersionIds: served.map((s) => s.modelVersionId), datasetId }) : [];
      return { served, uses, truncated: traversal.truncated };
    }, this.limits.timeoutMs);
  }
}

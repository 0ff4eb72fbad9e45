import { NotFoundError } from '../common/errors';
import { Transactions, Tx } from '../db/db';
import { displayLabel, NodeType } from '../graph/node-types';
import { LineageRepository } from '../lineage/lineage.repository';
import { TraversalLimits } from '../lineage/traversal-limits';
import { checkRange, parseTarget, targetLabel } from './metric-points';
import { EventScope, MemberRow, MetricsRepository } from './metrics.repository';
import { MetricEvent, MetricEventKind, MetricTargetInput } from './metrics.types';

/**
 * What a chart of a target's metrics marks on its time axis, within [from, to): when a deployment
 * started or stopped serving it (SERVES from/to), when an alias of its model moved (ALIAS from),
 * when an ensemble's membership or weights changed (MEMBER from/to), and when a dataset anywhere
 * upstream of its model versions got a new version ("new data arrived here": a drop is often caused
 * by data two hops before the training data). Model versions are named as `model@version`.
 */
export class MetricEventsService {
  constructor(
    private readonly repo: MetricsRepository, private readonly lineage: LineageRepository,
    private readonly db: Transactions, private readonly limits: TraversalLimits,
  ) {}

  async events(targetInput: MetricTargetInput, from: Date, to: Date): Promise<MetricEvent[]> {
    const target = parseTarget(targetInput, 'target');
    checkRange(from, to);
    const events = await this.db.read(async (tx) => {
      const scope = await this.repo.eventScope(tx, target);
      if (!scope) throw new NotFoundError(targetLabel(target), target.key);
      const modelVersionIds = [...new Set(scope.modelVersions.map((v) => v.id))];
      const [serves, aliases, members, datasets] = [
        await this.repo.servesEvents(tx, { targetId: scope.targetId, from, to }),
        await this.repo.aliasEvents(tx, { modelVersionIds, from, to }),
        await this.repo.memberEvents(tx, {
          ensembleIds: scope.ensembleIds, modelVersionId: target.kind === 'MODEL_VERSION' ? scope.targetId : null, from, to,
        }),
        await this.repo.datasetVersionEvents(tx, { datasetIds: await this.upstreamDatasets(tx, scope), modelVersionIds, from, to }),
      ];
      const within = (at: Date | null): at is Date => at !== null && at >= from && at < to;
      return [
        ...serves.flatMap((s) => {
          const what = s.ensemble ? `ensemble ${s.ensemble}` : modelVersionLabel(s.model, s.version);
          const base = { deployment: s.deployment, modelVersionId: s.modelVersionId, ensemble: s.ensemble };
          return [
            ...(within(s.servedFrom) ? [event(s.servedFrom, MetricEventKind.DEPLOYED, `${s.deployment} serves ${what}`, base)] : []),
            ...(within(s.servedTo) ? [event(s.servedTo, MetricEventKind.UNDEPLOYED, `${s.deployment} stops serving ${what}`, base)] : []),
          ];
        }),
        ...aliases.map((a) => event(a.at, MetricEventKind.ALIAS_SET, `${a.model}@${a.alias} → ${a.version}`,
          { alias: a.alias, modelVersionId: a.modelVersionId })),
        ...memberChanges(members, within),
        ...datasets.map((d) => event(d.at, MetricEventKind.DATASET_VERSION, `${d.namespace}/${d.dataset} ${d.version}`,
          { datasetVersionId: d.datasetVersionId, trainedOn: d.trainedOn })),
      ];
    }, this.limits.timeoutMs);
    return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  }

  /**
   * The datasets upstream of the scope's model versions (training data, what that data was made
   * from, the sources of their features' columns), by the lineage module's upstream traversal as
   * the graph stands now: one traversal from all of them, bounded by the traversal limits
   * (depth and nodes), and at most MAX_UPSTREAM_ORIGINS model versions.
   */
  private async upstreamDatasets(tx: Tx, scope: EventScope): Promise<string[]> {
    const datasets = new Set<string>();
    const origins = [...new Map(scope.modelVersions.map((v) => [v.id, v])).values()].slice(0, MAX_UPSTREAM_ORIGINS);
    if (origins.length === 0) return [];
    // One traversal from all of them at once (the traversal takes several origins).
    const rows = await this.lineage.upstream(tx, {
      originElementIds: origins.map((v) => v.elementId), asOf: null, knownAt: null, depth: this.limits.maxDepth, maxNodes: this.limits.maxNodes,
    });
    for (const row of rows) if (row.nodeLabel === 'Dataset') datasets.add(row.id);
    return [...datasets];
  }
}

/** How many model versions of one target the dataset events look upstream of. */
export const MAX_UPSTREAM_ORIGINS = 50;

function modelVersionLabel(model: string | null, version: string | null): string {
  return displayLabel(NodeType.MODEL_VERSION, { model, version }) ?? 'a model version';
}

/**
 * MEMBER edges into events: an edge closed and another opened at the same instant for the same
 * ensemble and model version is a weight change; otherwise an opening is a member added, a closing
 * one removed.
 */
function memberChanges(rows: MemberRow[], within: (at: Date | null) => at is Date): MetricEvent[] {
  const key = (r: MemberRow, at: Date) => `${r.ensemble}\n${r.modelVersionId}\n${at.getTime()}`;
  const closed = new Map(rows.filter((r) => within(r.memberTo)).map((r) => [key(r, r.memberTo!), r]));
  const out: MetricEvent[] = [];
  for (const r of rows) {
    if (!within(r.memberFrom)) continue;
    const label = `${r.ensemble}: ${modelVersionLabel(r.model, r.version)}`;
    const base = { ensemble: r.ensemble, modelVersionId: r.modelVersionId, weight: r.weight };
    const before = closed.get(key(r, r.memberFrom));
    if (before) {
      closed.delete(key(r, r.memberFrom));
      out.push(event(r.memberFrom, MetricEventKind.MEMBER_WEIGHT_CHANGED, `${label} weight ${before.weight} → ${r.weight}`,
        { ...base, previousWeight: before.weight }));
    } else out.push(event(r.memberFrom, MetricEventKind.MEMBER_ADDED, `${label} joins, weight ${r.weight}`, base));
  }
  for (const r of closed.values()) {
    out.push(event(r.memberTo!, MetricEventKind.MEMBER_REMOVED, `${r.ensemble}: ${modelVersionLabel(r.model, r.version)} leaves`,
      { ensemble: r.ensemble, modelVersionId: r.modelVersionId, previousWeight: r.weight }));
  }
  return out;
}

function event(at: Date, kind: MetricEventKind, label: string, details: Partial<MetricEvent>): MetricEvent {
  return {
    at, kind, label, deployment: null, modelVersionId: null, ensemble: null, alias: null, datasetVersionId: null, trainedOn: null,
    weight: null, previousWeight: null, ...details,
  };
}

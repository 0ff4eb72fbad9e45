import { NotFoundError } from '../common/errors';
import { checkRange, parseTarget, targetLabel } from './metric-points';
import { Transactions } from '../db/db';
import { MetricsRepository } from './metrics.repository';
import { MetricEvent, MetricEventKind, MetricTargetInput } from './metrics.types';

/**
 * What a chart of a target's metrics marks on its time axis, within [from, to): when a deployment
 * started or stopped serving it (SERVES from/to), when an alias of its model moved (ALIAS from),
 * and when a dataset its model versions depend on got a new version ("new data arrived here").
 */
export class MetricEventsService {
  constructor(private readonly repo: MetricsRepository, private readonly db: Transactions) {}

  async events(targetInput: MetricTargetInput, from: Date, to: Date): Promise<MetricEvent[]> {
    const target = parseTarget(targetInput, 'target');
    checkRange(from, to);
    const events = await this.db.read(async (tx) => {
      const scope = await this.repo.eventScope(tx, target);
      if (!scope) throw new NotFoundError(targetLabel(target), target.key);
      const versions = { modelVersionIds: [...new Set(scope.modelVersionIds)], from, to };
      const [serves, aliases, datasets] = [
        await this.repo.servesEvents(tx, { targetId: scope.targetId, from, to }),
        await this.repo.aliasEvents(tx, versions),
        await this.repo.datasetVersionEvents(tx, versions),
      ];
      const within = (at: Date | null): at is Date => at !== null && at >= from && at < to;
      return [
        ...serves.flatMap((s) => {
          const what = s.ensemble ? `ensemble ${s.ensemble}` : `model version ${s.modelVersionId}`;
          const base = { deployment: s.deployment, modelVersionId: s.modelVersionId, ensemble: s.ensemble };
          return [
            ...(within(s.servedFrom) ? [event(s.servedFrom, MetricEventKind.DEPLOYED, `${s.deployment} serves ${what}`, base)] : []),
            ...(within(s.servedTo) ? [event(s.servedTo, MetricEventKind.UNDEPLOYED, `${s.deployment} stops serving ${what}`, base)] : []),
          ];
        }),
        ...aliases.map((a) => event(a.at, MetricEventKind.ALIAS_SET, `${a.model}@${a.alias} → ${a.version}`,
          { alias: a.alias, modelVersionId: a.modelVersionId })),
        ...datasets.map((d) => event(d.at, MetricEventKind.DATASET_VERSION, `${d.namespace}/${d.dataset} ${d.version}`,
          { datasetVersionId: d.datasetVersionId, trainedOn: d.trainedOn })),
      ];
    });
    return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind));
  }
}

function event(at: Date, kind: MetricEventKind, label: string, details: Partial<MetricEvent>): MetricEvent {
  return {
    at, kind, label, deployment: null, modelVersionId: null, ensemble: null, alias: null, datasetVersionId: null, trainedOn: null,
    ...details,
  };
}

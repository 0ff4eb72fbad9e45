import { BadInputError, NotFoundError } from '../../common/errors';
import { requireName } from '../../common/validate';
import { Transactions } from '../../db/db';
import { EventBus } from '../../events/event-bus';
import { EnsembleWeightsChangedPayload, Topics } from '../../events/topics';
import { MetricsService } from '../../metrics/metrics.service';
import { MetricPointInput } from '../../metrics/metrics.types';
import { Learner, LearnerOptions, LearnerState, RollingPoint, StrategySettings, WeightChange } from '../learning/learner';
import { membershipEdges } from '../learning/membership-edges';
import { withField } from '../ensemble.service';
import { learnerSettings, storedStrategy } from '../strategy';
import { LoadedLearner, OutcomesRepository } from './outcomes.repository';
import { RecordOutcomesResult } from './outcomes.types';
import { memberKeys, parseOutcomes } from './parse-outcomes';

/** The metric series outcomes feed, per member model version and per ensemble. */
export const OUTCOME_LOSS = 'outcome.loss';
export const OUTCOME_ACCURACY = 'outcome.accuracy';

type Member = LoadedLearner['members'][number];

/**
 * Outcomes of an ensemble's predictions, learned from in batches. One batch is one transaction:
 * the ensemble is locked (batches of one ensemble queue, on every instance), the learner's state
 * is taken from this instance's cache when no one saved a newer version, else from the graph,
 * the outcomes are learned from in memory, and the new state, the idempotency key, the weight
 * changes (as MEMBER history) and the rolling loss/accuracy points are written together: a batch
 * counts entirely or not at all. Weights-changed events go out after the commit.
 */
export class OutcomesService {
  private readonly cache = new Map<string, { version: number; state: LearnerState }>();

  constructor(
    private readonly repo: OutcomesRepository, private readonly db: Transactions, private readonly metrics: MetricsService,
    private readonly events: EventBus, private readonly options: LearnerOptions,
  ) {}

  async record(ensembleName: string, outcomes: unknown, keyInput?: string | null): Promise<RecordOutcomesResult> {
    const name = requireName(ensembleName, 'ensemble');
    const key = keyInput == null ? null : requireName(keyInput, 'idempotencyKey');
    const done = await this.db.write(async (tx) => {
      const loaded = await this.repo.load(tx, name, key);
      if (!loaded) throw withField(new NotFoundError('Ensemble', name), 'ensemble');
      const settings = learnerSettings(storedStrategy(loaded.ensemble), name);
      if (loaded.members.length === 0) throw new BadInputError(`Ensemble '${name}' has no members to score.`, 'ensemble');
      const learner = this.learnerFor(loaded, settings);
      if (loaded.seen) return { loaded, learner, changes: [], points: 0, counted: 0, version: null, recorded: undefined };
      const parsed = parseOutcomes(outcomes, settings.loss, memberKeys(loaded.members.map((m) => ({ id: m.modelVersionId, ...m }))));
      const { changes, points } = learner.learn(parsed);
      const edges = membershipEdges(learner.members, loaded.members.map((m) => m.weight), changes, (c) => changeReason(settings, c));
      const version = await this.repo.save(tx, {
        ensembleId: loaded.ensemble.id, state: JSON.stringify(learner.toState()), key, outcomes: parsed.length, ...edges,
      });
      const metricPoints = this.metricPoints(name, loaded.members, points);
      const recorded = metricPoints.length ? await this.metrics.recordIn(tx, metricPoints) : undefined;
      return { loaded, learner, changes, points: metricPoints.length, counted: parsed.length, version, recorded };
    });
    const { loaded, learner, changes, version } = done;
    done.recorded?.announce(); // alert rules on the outcome-derived series
    if (version !== null) this.cache.set(loaded.ensemble.id, { version, state: learner.toState() });
    for (const change of changes) this.events.publish(Topics.ENSEMBLE_WEIGHTS_CHANGED, this.payload(loaded, change, learner.settings));
    return {
      outcomes: done.counted, duplicate: version === null, totalOutcomes: learner.outcomes, weightChanges: changes.length, metricPoints: done.points,
      weights: loaded.members.map((m, i) => ({ ...m, weight: learner.weights[i] })),
    };
  }

  /**
   * The learner as last saved: this instance's copy when its version is the saved one, else the
   * saved state; a fresh one (from the open weights) when there is none, when the members are
   * not the saved ones, or when the membership changed after the saved state (by hand).
   */
  private learnerFor(loaded: LoadedLearner, settings: StrategySettings): Learner {
    const members = loaded.members.map((m) => m.modelVersionId);
    const lastChangeAt = (loaded.lastChange ?? loaded.ensemble.createdAt).getTime();
    const cached = this.cache.get(loaded.ensemble.id);
    const saved: LearnerState | undefined = cached && cached.version === loaded.version ? cached.state
      : loaded.state ? (JSON.parse(loaded.state) as LearnerState) : undefined;
    if (saved && saved.lastChangeAt >= lastChangeAt && saved.members.join('\n') === members.join('\n')) {
      // A copy of what learning mutates, so that a transaction retried or rolled back leaves the cached state as it was.
      return new Learner(settings, this.options, { ...saved, window: [...saved.window] });
    }
    return Learner.fresh(settings, this.options, members, loaded.members.map((m) => m.weight), lastChangeAt);
  }

  private metricPoints(ensemble: string, members: Member[], points: RollingPoint[]): MetricPointInput[] {
    const out: MetricPointInput[] = [];
    for (const p of points) {
      const member = members[p.series];
      const target = member ? { modelVersion: member.modelVersionId } : { ensemble };
      const tags = member ? { ensemble } : undefined;
      const timestamp = new Date(p.at);
      out.push({ target, name: OUTCOME_LOSS, value: p.loss, timestamp, tags });
      if (p.accuracy !== null) out.push({ target, name: OUTCOME_ACCURACY, value: p.accuracy, timestamp, tags });
    }
    return out;
  }

  private payload(loaded: LoadedLearner, change: WeightChange, settings: StrategySettings): EnsembleWeightsChangedPayload {
    return {
      ensembleId: loaded.ensemble.id, ensemble: loaded.ensemble.name, at: new Date(change.at).toISOString(),
      reason: changeReason(settings, change),
      weights: loaded.members.map((m, i) => ({ modelVersionId: m.modelVersionId, model: m.model, version: m.version, weight: change.weights[i] })),
    };
  }
}

/** Why the weights changed, as the MEMBER edge and the event say it: "HEDGE (ZERO_ONE) after 1200 outcomes". */
function changeReason(settings: StrategySettings, change: WeightChange): string {
  return `${settings.strategy} (${settings.loss}) after ${change.outcomes} outcomes`;
}

import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { BadInputError, NotFoundError } from '../common/errors';
import { requireParts } from '../common/shares';
import { optionalText, requireName } from '../common/validate';
import { changeTime, statedTime } from '../common/world-time';
import { Transactions, Tx } from '../db/db';
import { asOfLoader, groupBy, indexBy, requestLoader } from '../db/request-scope';
import { EnsembleRepository } from './ensemble.repository';
import { Ensemble, EnsembleFilter, EnsembleMember, EnsembleMemberInput, UpsertEnsembleInput, WEIGHT_RULE } from './ensemble.types';
import { ModelVersion } from '../model/model.types';
import { ModelVersionService } from '../model/model-version.service';
import { EventBus } from '../events/event-bus';
import { EnsembleWeightsChangedPayload, Topics } from '../events/topics';
import { checkStrategy } from './strategy';
import { EnsembleStrategyInput } from './strategy.types';

interface MembershipChange { members: EnsembleMemberInput[]; reason?: string | null; at?: Date | null }
/** What a membership change did: the ensemble, and the event to announce after the commit when weights changed. */
interface Changed { ensemble: Ensemble; event?: EnsembleWeightsChangedPayload }

/** The rules for ensembles: validated weights, and membership as append-only history. */
export class EnsembleService {
  constructor(
    private readonly repo: EnsembleRepository, private readonly db: Transactions,
    private readonly versions: ModelVersionService, private readonly maxPageSize: number, private readonly events: EventBus,
  ) {}

  upsert(input: UpsertEnsembleInput): Promise<Ensemble> {
    const name = requireName(input.name, 'input.name');
    const description = optionalText(input.description, 'input.description');
    requireParts(input.members, (m) => m.weight, 'input.members', 'weight', WEIGHT_RULE);
    const at = statedTime(input.at, 'input.at');
    const strategy = input.strategy ? checkStrategy(input.strategy, 'input.strategy') : null;
    return this.announced(this.db.write(async (tx) => {
      await this.repo.upsert(tx, { name, description, at });
      if (strategy) await this.repo.setStrategy(tx, { name, ...strategy });
      return this.changeMembers(tx, name, input, 'input.');
    }));
  }

  setMembers(name: string, change: MembershipChange): Promise<Ensemble> {
    requireParts(change.members, (m) => m.weight, 'members', 'weight', WEIGHT_RULE);
    return this.announced(this.db.write((tx) => this.changeMembers(tx, name, change, '')));
  }

  /** Sets how the ensemble learns from outcomes; its learning starts afresh from the weights open now. */
  async setStrategy(name: string, input: EnsembleStrategyInput): Promise<Ensemble> {
    const strategy = checkStrategy(input, 'strategy');
    const ensemble = await this.db.write((tx) => this.repo.setStrategy(tx, { name, ...strategy }));
    if (!ensemble) throw withField(new NotFoundError('Ensemble', name), 'ensemble');
    return ensemble;
  }

  /** Publishes a committed change's weights (ENSEMBLE_WEIGHTS_CHANGED), then answers the ensemble. */
  private async announced(change: Promise<Changed>): Promise<Ensemble> {
    const { ensemble, event } = await change;
    if (event) this.events.publish(Topics.ENSEMBLE_WEIGHTS_CHANGED, event);
    return ensemble;
  }

  /**
   * Closes the open edges of members that left or changed weight and opens edges for those that
   * joined or changed; a member kept with the same weight keeps its open edge (and its `from`).
   */
  private async changeMembers(tx: Tx, name: string, change: MembershipChange, prefix: string): Promise<Changed> {
    const reason = optionalText(change.reason, `${prefix}reason`);
    const current = await this.repo.forUpdate(tx, name);
    if (!current) throw withField(new NotFoundError('Ensemble', name), 'ensemble');
    const versions = await this.versions.resolveRefs(tx, change.members.map((m, i) => ({ ref: m.modelVersion, field: `${prefix}members[${i}].modelVersion` })));
    const wanted = new Map<string, number>();
    versions.forEach((v, i) => {
      if (wanted.has(v.id)) throw new BadInputError(`${prefix}members names model version '${v.id}' twice.`, `${prefix}members`);
      wanted.set(v.id, change.members[i].weight);
    });
    const open = new Map(current.open.map((m) => [m.modelVersionId, m.weight]));
    const close = [...open].filter(([id, weight]) => wanted.get(id) !== weight).map(([id]) => id);
    const opened = [...wanted].filter(([id, weight]) => open.get(id) !== weight).map(([modelVersionId, weight]) => ({ modelVersionId, weight }));
    if (close.length === 0 && opened.length === 0) return { ensemble: current.ensemble }; // same membership: nothing to record
    const now = changeTime(change.at, current.lastChange, `${prefix}at`);
    const ensembleId = current.ensemble.id;
    await this.repo.changeMembers(tx, { ensembleId, close, open: opened, now, reason });
    const weights = await this.repo.openWeights(tx, ensembleId);
    const event = { ensembleId, ensemble: name, at: now.toISOString(), reason: reason ?? 'setEnsembleMembers', weights };
    return { ensemble: current.ensemble, event };
  }

  async get(name: string): Promise<Ensemble> {
    const [ensemble] = await this.repo.byNames([name]);
    if (!ensemble) throw new NotFoundError('Ensemble', name);
    return ensemble;
  }

  async list(filter: EnsembleFilter | undefined, page: PageInput | undefined): Promise<Page<Ensemble>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.list({ nameContains: filter?.nameContains ?? null, after: decodeCursor(page?.after), limit: first + 1 });
    return toPage(rows, first, (e) => [e.name]);
  }

  /** Ensembles by name inside a caller's transaction (deployments resolve their targets with it). */
  byNamesIn(tx: Tx, names: string[]): Promise<Ensemble[]> {
    return this.repo.byNames(names, tx);
  }

  load(id: string): Promise<Ensemble | null> {
    return requestLoader<string, Ensemble | null>('ensemble.byId', async (ids) =>
      indexBy(ids, await this.repo.byIds(ids), (e) => e.id)).load(id);
  }

  members(ensembleId: string, asOf?: Date): Promise<EnsembleMember[]> {
    return asOfLoader<string, EnsembleMember[]>('ensemble.members', asOf, async (ids, at) =>
      groupBy(ids, await this.repo.membersAt(ids, at), (r) => r.ensembleId).map((rows) => rows.map((r) => r.member))).load(ensembleId);
  }

  memberHistory(ensembleId: string): Promise<EnsembleMember[]> {
    return requestLoader<string, EnsembleMember[]>('ensemble.memberHistory', async (ids) =>
      groupBy(ids, await this.repo.memberHistory(ids), (r) => r.ensembleId).map((rows) => rows.map((r) => r.member))).load(ensembleId);
  }

  ensemblesOf(mv: ModelVersion): Promise<Ensemble[]> {
    return requestLoader<string, Ensemble[]>('modelVersion.ensembles', async (ids) =>
      groupBy(ids, await this.repo.ensemblesOf(ids), (r) => r.modelVersionId).map((rows) => rows.map((r) => r.ensemble))).load(mv.id);
  }
}

export function withField<E extends NotFoundError>(error: E, field: string): E {
  Object.assign(error.extensions, { field });
  return error;
}

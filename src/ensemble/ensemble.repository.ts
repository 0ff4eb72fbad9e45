import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { Ensemble, EnsembleMember } from './ensemble.types';
import { toModelVersion } from '../model/model.repository';
import { storedStrategy } from './strategy';

/** An ensemble locked for a membership change, with what it holds now. */
export interface EnsembleForUpdate {
  ensemble: Ensemble;
  open: { modelVersionId: string; weight: number }[];
  lastChange: Date | null;
}

/** The only code that talks to Neo4j about ensembles and their MEMBER edges. */
export class EnsembleRepository {
  constructor(private readonly db: Db) {}

  async upsert(tx: Tx, p: ParamsOf<typeof Q.ensembleUpsert>): Promise<Ensemble> {
    return toEnsemble((await tx.run(Q.ensembleUpsert, p))[0].ensemble);
  }

  async forUpdate(tx: Tx, name: string): Promise<EnsembleForUpdate | undefined> {
    const row = await tx.one(Q.ensembleForUpdate, { name });
    return row && { ...row, ensemble: toEnsemble(row.ensemble) };
  }

  async changeMembers(tx: Tx, p: ParamsOf<typeof Q.ensembleChangeMembers>): Promise<void> {
    await tx.run(Q.ensembleChangeMembers, p);
  }

  /** Undefined when there is no ensemble by that name. */
  async setStrategy(tx: Tx, p: ParamsOf<typeof Q.ensembleSetStrategy>): Promise<Ensemble | undefined> {
    const row = await tx.one(Q.ensembleSetStrategy, p);
    return row && toEnsemble(row.ensemble);
  }

  /** The open members with their models' names, as a weights-changed event names them. */
  openWeights(tx: Tx, ensembleId: string): Promise<RowOf<typeof Q.ensembleOpenWeights>[]> {
    return tx.run(Q.ensembleOpenWeights, { ensembleId });
  }

  /** By name, inside a caller's transaction (deployments resolve targets) or on their own. */
  async byNames(names: readonly string[], tx?: Tx): Promise<Ensemble[]> {
    const work = (t: Tx) => t.run(Q.ensembleByNames, { names: [...names] });
    return (await (tx ? work(tx) : this.db.read(work))).map((r) => toEnsemble(r.ensemble));
  }

  async byIds(ids: readonly string[]): Promise<Ensemble[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.ensembleByIds, { ids: [...ids] }));
    return rows.map((r) => toEnsemble(r.ensemble));
  }

  async list(p: ParamsOf<typeof Q.ensembleList>): Promise<Ensemble[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.ensembleList, p));
    return rows.map((r) => toEnsemble(r.ensemble));
  }

  async membersAt(ensembleIds: readonly string[], asOf: Date): Promise<{ ensembleId: string; member: EnsembleMember }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.ensembleMembersAt, { ensembleIds: [...ensembleIds], asOf }));
    return rows.map(toMemberRow);
  }

  async memberHistory(ensembleIds: readonly string[]): Promise<{ ensembleId: string; member: EnsembleMember }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.ensembleMemberHistory, { ensembleIds: [...ensembleIds] }));
    return rows.map(toMemberRow);
  }

  async ensemblesOf(modelVersionIds: readonly string[]): Promise<{ modelVersionId: string; ensemble: Ensemble }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.ensembleEnsemblesOfModelVersions, { modelVersionIds: [...modelVersionIds] }));
    return rows.map((r) => ({ modelVersionId: r.modelVersionId, ensemble: toEnsemble(r.ensemble) }));
  }
}

function toMemberRow(r: RowOf<typeof Q.ensembleMembersAt>): { ensembleId: string; member: EnsembleMember } {
  const m = r.member;
  return {
    ensembleId: r.ensembleId,
    member: { modelVersion: toModelVersion(r.modelVersion), weight: m.weight, from: m.from, to: m.to ?? null, reason: m.reason ?? null },
  };
}

/** Node properties → Ensemble (absent properties are null). */
export function toEnsemble(p: RowOf<typeof Q.ensembleByIds>['ensemble']): Ensemble {
  const { strategy, loss, ...strategyParameters } = storedStrategy(p);
  return { ...p, description: p.description ?? null, strategy, loss, strategyParameters };
}

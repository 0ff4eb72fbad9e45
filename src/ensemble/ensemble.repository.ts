import { Db, Tx } from '../db/db';
import { ParamsOf, Query } from '../db/query';
import * as Q from '../generated/cypher';
import { Ensemble, EnsembleMember } from './ensemble.types';
import { toModelVersion } from '../model/model.repository';

type Props = Record<string, unknown>;

/** An ensemble locked for a membership change, with what it holds now. */
export interface EnsembleForUpdate {
  ensemble: Ensemble;
  open: { modelVersionId: string; weight: number }[];
  lastChange: Date | null;
}

/** The only code that talks to Neo4j about ensembles and their MEMBER edges. */
export class EnsembleRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async upsert(tx: Tx, p: ParamsOf<typeof Q.ensembleUpsert>): Promise<Ensemble> {
    return toEnsemble((await tx.run<{ ensemble: Props }>(Q.ensembleUpsert, p))[0].ensemble);
  }

  async forUpdate(tx: Tx, name: string): Promise<EnsembleForUpdate | undefined> {
    const row = await tx.one<EnsembleForUpdate & { ensemble: Props }>(Q.ensembleForUpdate, { name });
    return row && { ...row, ensemble: toEnsemble(row.ensemble) };
  }

  async changeMembers(tx: Tx, p: ParamsOf<typeof Q.ensembleChangeMembers>): Promise<void> {
    await tx.run(Q.ensembleChangeMembers, p);
  }

  /** By name, inside a caller's transaction (deployments resolve targets) or on their own. */
  async byNames(names: readonly string[], tx?: Tx): Promise<Ensemble[]> {
    const work = (t: Tx) => t.run<{ ensemble: Props }>(Q.ensembleByNames, { names: [...names] });
    return (await (tx ? work(tx) : this.db.read(work))).map((r) => toEnsemble(r.ensemble));
  }

  async byIds(ids: readonly string[]): Promise<Ensemble[]> {
    const rows = await this.db.read((tx) => tx.run<{ ensemble: Props }>(Q.ensembleByIds, { ids: [...ids] }));
    return rows.map((r) => toEnsemble(r.ensemble));
  }

  async list(p: ParamsOf<typeof Q.ensembleList>): Promise<Ensemble[]> {
    const rows = await this.db.read((tx) => tx.run<{ ensemble: Props }>(Q.ensembleList, p));
    return rows.map((r) => toEnsemble(r.ensemble));
  }

  async membersAt(ensembleIds: readonly string[], asOf: Date): Promise<{ ensembleId: string; member: EnsembleMember }[]> {
    return this.members(Q.ensembleMembersAt, { ensembleIds: [...ensembleIds], asOf });
  }

  async memberHistory(ensembleIds: readonly string[]): Promise<{ ensembleId: string; member: EnsembleMember }[]> {
    return this.members(Q.ensembleMemberHistory, { ensembleIds: [...ensembleIds] });
  }

  async ensemblesOf(modelVersionIds: readonly string[]): Promise<{ modelVersionId: string; ensemble: Ensemble }[]> {
    const rows = await this.db.read((tx) => tx.run<{ modelVersionId: string; ensemble: Props }>(
      Q.ensembleEnsemblesOfModelVersions, { modelVersionIds: [...modelVersionIds] }));
    return rows.map((r) => ({ modelVersionId: r.modelVersionId, ensemble: toEnsemble(r.ensemble) }));
  }

  private async members<P>(q: Query<P>, params: P) {
    const rows = await this.db.read((tx) => tx.run<{ ensembleId: string; member: Props; modelVersion: Props }, P>(q, params));
    return rows.map((r) => ({
      ensembleId: r.ensembleId,
      member: {
        modelVersion: toModelVersion(r.modelVersion), weight: r.member.weight as number,
        from: r.member.from as Date, to: (r.member.to as Date) ?? null, reason: (r.member.reason as string) ?? null,
      },
    }));
  }
}

export function toEnsemble(p: Props): Ensemble {
  return { ...(p as unknown as Ensemble), description: (p.description as string) ?? null };
}

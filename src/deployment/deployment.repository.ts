import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { toEnsemble } from '../ensemble/ensemble.repository';
import { toModelVersion } from '../model/model.repository';
import { Deployment, DeploymentServing } from './deployment.types';

/** A deployment locked for a change, with what it serves now. */
export interface DeploymentForUpdate {
  deployment: Deployment;
  open: { targetId: string; share: number }[];
  lastChange: Date | null;
}

/** The only code that talks to Neo4j about deployments and their SERVES edges. */
export class DeploymentRepository {
  constructor(private readonly db: Db) {}

  async upsert(tx: Tx, p: ParamsOf<typeof Q.deploymentUpsert>): Promise<Deployment> {
    return toDeployment((await tx.run(Q.deploymentUpsert, p))[0].deployment);
  }

  async forUpdate(tx: Tx, name: string): Promise<DeploymentForUpdate | undefined> {
    const row = await tx.one(Q.deploymentForUpdate, { name });
    return row && { ...row, deployment: toDeployment(row.deployment) };
  }

  async serve(tx: Tx, p: ParamsOf<typeof Q.deploymentServe>): Promise<Deployment> {
    return toDeployment((await tx.run(Q.deploymentServe, p))[0].deployment);
  }

  async retire(tx: Tx, p: ParamsOf<typeof Q.deploymentRetire>): Promise<Deployment> {
    return toDeployment((await tx.run(Q.deploymentRetire, p))[0].deployment);
  }

  async byName(name: string): Promise<Deployment | undefined> {
    const row = await this.db.readOne((tx) => tx.one(Q.deploymentByNames, { names: [name] }));
    return row && toDeployment(row.deployment);
  }

  async list(p: ParamsOf<typeof Q.deploymentList>): Promise<Deployment[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.deploymentList, p));
    return rows.map((r) => toDeployment(r.deployment));
  }

  async servingAt(deploymentIds: readonly string[], asOf: Date): Promise<{ deploymentId: string; serving: DeploymentServing }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.deploymentServingAt, { deploymentIds: [...deploymentIds], asOf }));
    return rows.map(toServingRow);
  }

  async servesHistory(deploymentIds: readonly string[]): Promise<{ deploymentId: string; serving: DeploymentServing }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.deploymentServesHistory, { deploymentIds: [...deploymentIds] }));
    return rows.map(toServingRow);
  }

  /** The deployments serving each model version now (directly, not through an ensemble). */
  async servingModelVersions(modelVersionIds: readonly string[]): Promise<{ targetId: string; deployment: Deployment }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.deploymentServingModelVersions, { targetIds: [...modelVersionIds] }));
    return rows.map((r) => ({ targetId: r.targetId, deployment: toDeployment(r.deployment) }));
  }

  /** The deployments serving each ensemble now. */
  async servingEnsembles(ensembleIds: readonly string[]): Promise<{ targetId: string; deployment: Deployment }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.deploymentServingEnsembles, { targetIds: [...ensembleIds] }));
    return rows.map((r) => ({ targetId: r.targetId, deployment: toDeployment(r.deployment) }));
  }
}

function toServingRow(r: RowOf<typeof Q.deploymentServingAt>): { deploymentId: string; serving: DeploymentServing } {
  const s = r.serves;
  // A model version is the target with a modelId (as ServedTarget.resolveType tells them apart).
  const target = 'modelId' in r.target ? toModelVersion(r.target) : toEnsemble(r.target);
  return { deploymentId: r.deploymentId, serving: { target, trafficShare: s.trafficShare, from: s.from, to: s.to ?? null, reason: s.reason ?? null } };
}

function toDeployment(p: RowOf<typeof Q.deploymentByNames>['deployment']): Deployment {
  const retiredAt = p.retiredAt ?? null;
  return { ...p, endpoint: p.endpoint ?? null, retiredAt, retired: retiredAt !== null, retiredReason: p.retiredReason ?? null };
}

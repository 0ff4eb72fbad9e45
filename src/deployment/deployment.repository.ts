import { Db, Tx } from '../db/db';
import { ParamsOf, Query } from '../db/query';
import * as Q from '../generated/cypher';
import { toEnsemble } from '../ensemble/ensemble.repository';
import { toModelVersion } from '../model/model.repository';
import { Deployment, DeploymentServing } from './deployment.types';

type Props = Record<string, unknown>;

/** A deployment locked for a change, with what it serves now. */
export interface DeploymentForUpdate {
  deployment: Deployment;
  open: { targetId: string; share: number }[];
  lastChange: Date | null;
}

/** The only code that talks to Neo4j about deployments and their SERVES edges. */
export class DeploymentRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async upsert(tx: Tx, p: ParamsOf<typeof Q.deploymentUpsert>): Promise<Deployment> {
    return toDeployment((await tx.run<{ deployment: Props }>(Q.deploymentUpsert, p))[0].deployment);
  }

  async forUpdate(tx: Tx, name: string): Promise<DeploymentForUpdate | undefined> {
    const row = await tx.one<DeploymentForUpdate & { deployment: Props }>(Q.deploymentForUpdate, { name });
    return row && { ...row, deployment: toDeployment(row.deployment) };
  }

  async serve(tx: Tx, p: ParamsOf<typeof Q.deploymentServe>): Promise<Deployment> {
    return toDeployment((await tx.run<{ deployment: Props }>(Q.deploymentServe, p))[0].deployment);
  }

  async retire(tx: Tx, p: ParamsOf<typeof Q.deploymentRetire>): Promise<Deployment> {
    return toDeployment((await tx.run<{ deployment: Props }>(Q.deploymentRetire, p))[0].deployment);
  }

  async byName(name: string): Promise<Deployment | undefined> {
    const row = await this.db.read((tx) => tx.one<{ deployment: Props }>(Q.deploymentByNames, { names: [name] }));
    return row && toDeployment(row.deployment);
  }

  async list(p: ParamsOf<typeof Q.deploymentList>): Promise<Deployment[]> {
    const rows = await this.db.read((tx) => tx.run<{ deployment: Props }>(Q.deploymentList, p));
    return rows.map((r) => toDeployment(r.deployment));
  }

  servingAt(deploymentIds: readonly string[], asOf: Date): Promise<{ deploymentId: string; serving: DeploymentServing }[]> {
    return this.servings(Q.deploymentServingAt, { deploymentIds: [...deploymentIds], asOf });
  }

  servesHistory(deploymentIds: readonly string[]): Promise<{ deploymentId: string; serving: DeploymentServing }[]> {
    return this.servings(Q.deploymentServesHistory, { deploymentIds: [...deploymentIds] });
  }

  /** Deployments serving these targets now; `q` picks model versions or ensembles. */
  async servingTargets(q: typeof Q.deploymentServingEnsembles, targetIds: readonly string[]): Promise<{ targetId: string; deployment: Deployment }[]> {
    const rows = await this.db.read((tx) => tx.run<{ targetId: string; deployment: Props }>(q, { targetIds: [...targetIds] }));
    return rows.map((r) => ({ targetId: r.targetId, deployment: toDeployment(r.deployment) }));
  }

  private async servings<P>(q: Query<P>, params: P): Promise<{ deploymentId: string; serving: DeploymentServing }[]> {
    const rows = await this.db.read((tx) => tx.run<{ deploymentId: string; serves: Props; target: Props; isEnsemble: boolean }, P>(q, params));
    return rows.map((r) => ({
      deploymentId: r.deploymentId,
      serving: {
        target: r.isEnsemble ? toEnsemble(r.target) : toModelVersion(r.target),
        trafficShare: r.serves.trafficShare as number, from: r.serves.from as Date,
        to: (r.serves.to as Date) ?? null, reason: (r.serves.reason as string) ?? null,
      },
    }));
  }
}

function toDeployment(p: Props): Deployment {
  const retiredAt = (p.retiredAt as Date) ?? null;
  return {
    ...(p as unknown as Deployment), endpoint: (p.endpoint as string) ?? null,
    retiredAt, retired: retiredAt !== null, retiredReason: (p.retiredReason as string) ?? null,
  };
}

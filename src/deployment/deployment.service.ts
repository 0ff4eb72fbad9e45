import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { requireParts } from '../common/shares';
import { optionalText, requireName } from '../common/validate';
import { changeTime, requireExisted, statedTime } from '../common/world-time';
import { Transactions, Tx } from '../db/db';
import { asOfLoader, groupBy, requestLoader } from '../db/request-scope';
import { Ensemble } from '../ensemble/ensemble.types';
import { EnsembleService, withField } from '../ensemble/ensemble.service';
import { ModelVersion } from '../model/model.types';
import { ModelVersionService } from '../model/model-version.service';
import { DeploymentRepository } from './deployment.repository';
import { Deployment, DeploymentChange, DeploymentFilter, DeploymentTargetInput, DeploymentServing, TrafficShareInput, UpsertDeploymentInput } from './deployment.types';
import { historyOf } from './deployment-history';

interface When { reason?: string | null; at?: Date | null }
interface ResolvedShare { id: string; isEnsemble: boolean; share: number; createdAt: Date; what: string }

/** The rules for deployments: what they serve, with which traffic shares, as append-only history. */
export class DeploymentService {
  constructor(
    private readonly repo: DeploymentRepository, private readonly db: Transactions, private readonly ensembles: EnsembleService,
    private readonly versions: ModelVersionService, private readonly maxPageSize: number,
  ) {}

  upsert(input: UpsertDeploymentInput): Promise<Deployment> {
    const p = {
      name: requireName(input.name, 'input.name'),
      environment: requireName(input.environment, 'input.environment'),
      endpoint: optionalText(input.endpoint, 'input.endpoint', 2048),
      at: statedTime(input.at, 'input.at'),
    };
    return this.db.write((tx) => this.repo.upsert(tx, p));
  }

  /** All traffic to one target. */
  deploy(name: string, target: DeploymentTargetInput, when: When): Promise<Deployment> {
    return this.shiftTraffic(name, [{ target, share: 1 }], when, 'target');
  }

  /** Replaces what is served: every open SERVES edge is closed and the new set opened, at one instant. */
  shiftTraffic(name: string, shares: TrafficShareInput[], when: When, field = 'shares'): Promise<Deployment> {
    const reason = optionalText(when.reason, 'reason');
    requireParts(shares, (s) => s.share, field, 'share');
    const targetField = (i: number) => (field === 'target' ? 'target' : `${field}[${i}].target`);
    return this.db.write(async (tx) => {
      const current = await this.forUpdate(tx, name);
      const resolved = await this.resolveTargets(tx, shares, targetField);
      if (new Set(resolved.map((r) => r.id)).size < resolved.length) throw new BadInputError(`${field} names a target twice.`, field);
      // Checked before "already so": serving something before it existed is wrong whether or not it changes.
      if (when.at != null) for (const r of resolved) requireExisted(when.at, r.createdAt, r.what, 'at');
      const open = new Map(current.open.map((o) => [o.targetId, o.share]));
      if (open.size === resolved.length && resolved.every((r) => open.get(r.id) === r.share)) return current.deployment; // already so
      const now = changeTime(when.at, current.lastChange, 'at');
      return this.repo.serve(tx, {
        deploymentId: current.deployment.id, now, reason,
        modelVersions: resolved.filter((r) => !r.isEnsemble).map(({ id, share }) => ({ id, share })),
        ensembles: resolved.filter((r) => r.isEnsemble).map(({ id, share }) => ({ id, share })),
      });
    });
  }

  /** Closes all serving and retires the deployment; undeploying a retired one changes nothing. */
  undeploy(name: string, when: When): Promise<Deployment> {
    const reason = optionalText(when.reason, 'reason');
    return this.db.write(async (tx) => {
      const current = await this.repo.forUpdate(tx, name);
      if (!current) throw withField(new NotFoundError('Deployment', name), 'deployment');
      if (current.deployment.retired) return current.deployment;
      return this.repo.retire(tx, { deploymentId: current.deployment.id, now: changeTime(when.at, current.lastChange, 'at'), reason });
    });
  }

  async get(name: string): Promise<Deployment> {
    const deployment = await this.repo.byName(name);
    if (!deployment) throw new NotFoundError('Deployment', name);
    return deployment;
  }

  async list(filter: DeploymentFilter | undefined, page: PageInput | undefined): Promise<Page<Deployment>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.list({ environment: filter?.environment ?? null, after: decodeCursor(page?.after), limit: first + 1 });
    return toPage(rows, first, (d) => [d.name]);
  }

  serving(deploymentId: string, asOf?: Date): Promise<DeploymentServing[]> {
    return asOfLoader<string, DeploymentServing[]>('deployment.serving', asOf, async (ids, at) =>
      groupBy(ids, await this.repo.servingAt(ids, at), (r) => r.deploymentId).map((rows) => rows.map((r) => r.serving))).load(deploymentId);
  }

  async history(d: Deployment): Promise<DeploymentChange[]> {
    const edges = await requestLoader<string, DeploymentServing[]>('deployment.history', async (ids) =>
      groupBy(ids, await this.repo.servesHistory(ids), (r) => r.deploymentId).map((rows) => rows.map((r) => r.serving))).load(d.id);
    return historyOf(edges, d);
  }

  servingModelVersion(mv: ModelVersion): Promise<Deployment[]> {
    return this.servingTarget('modelVersion.deployments', (ids) => this.repo.servingModelVersions(ids), mv.id);
  }

  servingEnsemble(e: Ensemble): Promise<Deployment[]> {
    return this.servingTarget('ensemble.deployments', (ids) => this.repo.servingEnsembles(ids), e.id);
  }

  private servingTarget(name: string, read: (ids: readonly string[]) => Promise<{ targetId: string; deployment: Deployment }[]>, targetId: string): Promise<Deployment[]> {
    return requestLoader<string, Deployment[]>(name, async (ids) =>
      groupBy(ids, await read(ids), (r) => r.targetId).map((rows) => rows.map((r) => r.deployment))).load(targetId);
  }

  private async forUpdate(tx: Tx, name: string) {
    const current = await this.repo.forUpdate(tx, name);
    if (!current) throw withField(new NotFoundError('Deployment', name), 'deployment');
    if (current.deployment.retired) {
      throw new ConflictError(`Deployment '${name}' is retired; create a new deployment to serve again.`, { field: 'deployment' });
    }
    return current;
  }

  /** Each target names exactly one model version or ensemble; all must exist (NOT_FOUND names which). */
  private async resolveTargets(tx: Tx, shares: TrafficShareInput[], fieldOf: (i: number) => string): Promise<ResolvedShare[]> {
    shares.forEach(({ target }, i) => {
      if ((target.modelVersion == null) === (target.ensemble == null)) {
        throw new BadInputError(`${fieldOf(i)} names exactly one of modelVersion or ensemble.`, fieldOf(i));
      }
    });
    const mvAt = shares.flatMap((s, i) => (s.target.modelVersion ? [i] : []));
    const versions = await this.versions.resolveRefs(tx, mvAt.map((i) => ({ ref: shares[i].target.modelVersion!, field: `${fieldOf(i)}.modelVersion` })));
    const names = shares.flatMap((s) => (s.target.ensemble != null ? [s.target.ensemble] : []));
    const byName = new Map((await this.ensembles.byNamesIn(tx, names)).map((e) => [e.name, e]));
    return shares.map((s, i) => {
      if (s.target.modelVersion) {
        const v = versions[mvAt.indexOf(i)];
        return { id: v.id, isEnsemble: false, share: s.share, createdAt: v.createdAt, what: `ModelVersion '${s.target.modelVersion.model ? `${s.target.modelVersion.model}@${v.version}` : v.id}'` };
      }
      const ensemble = byName.get(s.target.ensemble!);
      if (!ensemble) throw withField(new NotFoundError('Ensemble', s.target.ensemble!), `${fieldOf(i)}.ensemble`);
      return { id: ensemble.id, isEnsemble: true, share: s.share, createdAt: ensemble.createdAt, what: `Ensemble '${ensemble.name}'` };
    });
  }
}

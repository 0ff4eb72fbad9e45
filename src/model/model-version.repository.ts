import { Db, Tx } from '../db/db';
import { ParamsOf, Query } from '../db/query';
import * as Q from '../generated/cypher';
import { CheckedRef } from '../graph/node-ref-check';
import { resolveRefs } from '../graph/resolve-refs';
import { DatasetVersion } from '../dataset/dataset.types';
import { toFeature } from '../feature/feature.repository';
import { ModelVersion } from './model.types';
import { toModelVersion } from './model.repository';
import { FeatureUse, FeatureUsage, Supersession, TrainedModel, TrainingData } from './model-version.types';

type Props = Record<string, unknown>;
export type StoredModelVersion = ModelVersion & { contentHash: string };

/** The only code that talks to Neo4j about model versions: registration, lineage, supersession. */
export class ModelVersionRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async register(tx: Tx, p: ParamsOf<typeof Q.modelRegisterVersion>): Promise<{ version: StoredModelVersion; created: boolean }> {
    const row = (await tx.run<{ version: Props; created: boolean }>(Q.modelRegisterVersion, p))[0];
    return { version: toModelVersion(row.version), created: row.created };
  }

  /** Undefined when either version was superseded by a concurrent transaction. */
  async supersede(tx: Tx, p: ParamsOf<typeof Q.modelSupersede>): Promise<StoredModelVersion | undefined> {
    const row = await tx.one<{ version: Props }>(Q.modelSupersede, p);
    return row && toModelVersion(row.version);
  }

  /**
   * The version each checked MODEL_VERSION reference names, in the order of `refs` (null where
   * none), in one statement (src/graph/resolve-refs.ts); in `tx` when given (a mutation checking
   * what exists), else in a read of its own.
   */
  async byRefs(refs: CheckedRef[], tx?: Tx): Promise<(StoredModelVersion | null)[]> {
    const find = (t: Tx) => resolveRefs(t, refs);
    const found = await (tx ? find(tx) : this.db.read(find));
    return found.map((node) => node && toModelVersion(node.props));
  }

  async byRef(ref: CheckedRef, tx?: Tx): Promise<StoredModelVersion | undefined> {
    return (await this.byRefs([ref], tx))[0] ?? undefined;
  }

  async byIds(ids: readonly string[]): Promise<StoredModelVersion[]> {
    const rows = await this.db.read((tx) => tx.run<{ version: Props }>(Q.modelVersionsByIds, { ids: [...ids] }));
    return rows.map((r) => toModelVersion(r.version));
  }

  async trainingData(versionIds: readonly string[]): Promise<(TrainingData & { versionId: string })[]> {
    return this.read(Q.modelTrainingData, { versionIds: [...versionIds] },
      (r): TrainingData & { versionId: string } => ({
        versionId: r.versionId as string, role: r.role as TrainingData['role'], datasetVersion: r.datasetVersion as DatasetVersion,
      }));
  }

  async trainedModels(datasetVersionIds: readonly string[]): Promise<(TrainedModel & { datasetVersionId: string })[]> {
    return this.read(Q.modelTrainedModels, { datasetVersionIds: [...datasetVersionIds] },
      (r): TrainedModel & { datasetVersionId: string } => ({
        datasetVersionId: r.datasetVersionId as string, role: r.role as TrainedModel['role'], modelVersion: toModelVersion(r.modelVersion as Props),
      }));
  }

  async featuresOf(versionIds: readonly string[]): Promise<(FeatureUse & { versionId: string })[]> {
    return this.read(Q.modelFeaturesOfVersions, { versionIds: [...versionIds] },
      (r): FeatureUse & { versionId: string } => ({
        versionId: r.versionId as string, importance: r.importance as number, feature: toFeature(r.feature as Props),
      }));
  }

  async featureUsages(featureIds: readonly string[]): Promise<(FeatureUsage & { featureId: string })[]> {
    return this.read(Q.modelFeatureUsages, { featureIds: [...featureIds] },
      (r): FeatureUsage & { featureId: string } => ({
        featureId: r.featureId as string, importance: r.importance as number, modelVersion: toModelVersion(r.modelVersion as Props),
      }));
  }

  async aliasesOf(versionIds: readonly string[]): Promise<{ versionId: string; name: string }[]> {
    return this.read(Q.modelAliasesOfVersions, { versionIds: [...versionIds] },
      (r) => ({ versionId: r.versionId as string, name: r.name as string }));
  }

  async supersededBy(versionIds: readonly string[]): Promise<(Supersession & { versionId: string })[]> {
    return this.read(Q.modelSupersededBy, { versionIds: [...versionIds] }, toSupersession);
  }

  async supersedes(versionIds: readonly string[]): Promise<(Supersession & { versionId: string })[]> {
    return this.read(Q.modelSupersedes, { versionIds: [...versionIds] }, toSupersession);
  }

  /** Runs a batch query in a read transaction of its own and maps its rows. */
  private async read<T, P>(q: Query<P>, params: P, map: (row: Props) => T): Promise<T[]> {
    const rows = await this.db.read((tx) => tx.run<Props, P>(q, params));
    return rows.map(map);
  }
}

function toSupersession(r: Props): Supersession & { versionId: string } {
  return { versionId: r.versionId as string, at: r.at as Date, reason: r.reason as string, modelVersion: toModelVersion(r.modelVersion as Props) };
}

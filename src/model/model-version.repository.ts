import { storedEnum } from '../db/convert';
import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { CheckedRef } from '../graph/node-ref-check';
import { resolveRefs } from '../graph/resolve-refs';
import { toDatasetVersion } from '../dataset/dataset.repository';
import { toFeature } from '../feature/feature.repository';
import { ModelVersionProps, StoredModelVersion, toModelVersion } from './model.repository';
import { FeatureUse, FeatureUsage, Supersession, TrainedModel, TrainingData, TrainingRole } from './model-version.types';

export type { StoredModelVersion };

/** The only code that talks to Neo4j about model versions: registration, lineage, supersession. */
export class ModelVersionRepository {
  constructor(private readonly db: Db) {}

  async register(tx: Tx, p: ParamsOf<typeof Q.modelRegisterVersion>): Promise<{ version: StoredModelVersion; created: boolean }> {
    const [row] = await tx.run(Q.modelRegisterVersion, p);
    return { version: toModelVersion(row.version), created: row.created };
  }

  /** Undefined when either version was superseded by a concurrent transaction. */
  async supersede(tx: Tx, p: ParamsOf<typeof Q.modelSupersede>): Promise<StoredModelVersion | undefined> {
    const row = await tx.one(Q.modelSupersede, p);
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
    // The shared lookup returns any node type's properties; a MODEL_VERSION reference yields a version's.
    return found.map((node) => node && toModelVersion(node.props as ModelVersionProps));
  }

  async byRef(ref: CheckedRef, tx?: Tx): Promise<StoredModelVersion | undefined> {
    return (await this.byRefs([ref], tx))[0] ?? undefined;
  }

  async byIds(ids: readonly string[]): Promise<StoredModelVersion[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelVersionsByIds, { ids: [...ids] }));
    return rows.map((r) => toModelVersion(r.version));
  }

  async trainingData(versionIds: readonly string[]): Promise<(TrainingData & { versionId: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelTrainingData, { versionIds: [...versionIds] }));
    return rows.map((r) => ({ versionId: r.versionId, role: trainingRole(r.role), datasetVersion: toDatasetVersion(r.datasetVersion) }));
  }

  async trainedModels(datasetVersionIds: readonly string[]): Promise<(TrainedModel & { datasetVersionId: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelTrainedModels, { datasetVersionIds: [...datasetVersionIds] }));
    return rows.map((r) => ({ datasetVersionId: r.datasetVersionId, role: trainingRole(r.role), modelVersion: toModelVersion(r.modelVersion) }));
  }

  async featuresOf(versionIds: readonly string[]): Promise<(FeatureUse & { versionId: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelFeaturesOfVersions, { versionIds: [...versionIds] }));
    return rows.map((r) => ({ versionId: r.versionId, importance: r.importance, feature: toFeature(r.feature) }));
  }

  async featureUsages(featureIds: readonly string[]): Promise<(FeatureUsage & { featureId: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelFeatureUsages, { featureIds: [...featureIds] }));
    return rows.map((r) => ({ featureId: r.featureId, importance: r.importance, modelVersion: toModelVersion(r.modelVersion) }));
  }

  async aliasesOf(versionIds: readonly string[]): Promise<{ versionId: string; name: string }[]> {
    return this.db.readOne((tx) => tx.run(Q.modelAliasesOfVersions, { versionIds: [...versionIds] }));
  }

  async supersededBy(versionIds: readonly string[]): Promise<(Supersession & { versionId: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelSupersededBy, { versionIds: [...versionIds] }));
    return rows.map((r) => ({ ...r, modelVersion: toModelVersion(r.modelVersion) }));
  }

  async supersedes(versionIds: readonly string[]): Promise<(Supersession & { versionId: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelSupersedes, { versionIds: [...versionIds] }));
    return rows.map((r) => ({ ...r, modelVersion: toModelVersion(r.modelVersion) }));
  }
}

function trainingRole(role: string): TrainingRole {
  return storedEnum(TrainingRole, role, 'training role');
}

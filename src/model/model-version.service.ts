import { BadInputError, ConflictError } from '../common/errors';
import { optionalText } from '../common/validate';
import { requireExisted, statedTime } from '../common/world-time';
import { Transactions, Tx } from '../db/db';
import { groupBy, indexBy, requestLoader } from '../db/request-scope';
import { ModelVersion, ModelVersionRef } from './model.types';
import { CheckedRef, checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { notFound, resolveAll } from '../graph/resolve-refs';
import { ModelVersionRepository, StoredModelVersion } from './model-version.repository';
import { contentHash, validateRegistration } from './model-version.input';
import { FeatureUse, FeatureUsage, RegisterModelVersionInput, Supersession, TrainedModel, TrainingData } from './model-version.types';

/** The rules for immutable model versions: registration, what they were built from, supersession. */
export class ModelVersionService {
  constructor(private readonly repo: ModelVersionRepository, private readonly db: Transactions) {}

  /**
   * Every reference is resolved inside the transaction before anything is written, so an unknown
   * dataset version, feature or run leaves the graph as it was. Same version + same content: the
   * existing one; other content: CONFLICT (versions are immutable).
   */
  register(input: RegisterModelVersionInput): Promise<ModelVersion> {
    const r = validateRegistration(input);
    return this.db.write(async (tx) => {
      // Dataset versions, features and the run in one statement; the first that names nothing is NOT_FOUND.
      const run = r.runId === null ? [] : [checkRef(NodeType.RUN, { id: r.runId }, 'input.producedByRunId')];
      const ids = (await resolveAll(tx, [...r.trainedOn.map((t) => t.ref), ...r.features.map((u) => u.ref), ...run])).map((n) => n.id);
      const trainedOn = r.trainedOn.map((t, i) => ({ datasetVersionId: ids[i], role: t.role as string }));
      const features = r.features.map((u, i) => ({ featureId: ids[r.trainedOn.length + i], importance: u.importance }));
      // Two references in different forms (id and key) may name the same thing.
      if (new Set(trainedOn.map((t) => `${t.datasetVersionId}:${t.role}`)).size < trainedOn.length) {
        throw new BadInputError('input.trainedOn names the same dataset version in the same role twice.', 'input.trainedOn');
      }
      if (new Set(features.map((u) => u.featureId)).size < features.length) {
        throw new BadInputError('input.features names the same feature twice.', 'input.features');
      }
      const hash = contentHash({ trainedOn, features, tags: r.tags, metrics: r.metrics, runId: r.runId });
      const { version, created } = await this.repo.register(tx, {
        model: r.model, version: r.version, contentHash: hash, tags: r.tags, metrics: r.metrics,
        createdAt: r.createdAt, runId: r.runId, trainedOn, features,
      });
      if (!created && version.contentHash !== hash) {
        throw new ConflictError(`ModelVersion '${r.model}@${r.version}' exists with different content; ` +
          'versions are immutable: register a new version.', { field: 'input.version' });
      }
      return version;
    });
  }

  /** `old` is replaced by `by`: both of one model, different, and neither replaced already. */
  supersede(oldRef: ModelVersionRef, byRef: ModelVersionRef, reason: string, at?: Date | null): Promise<ModelVersion> {
    const oldKey = checkRef(NodeType.MODEL_VERSION, oldRef, 'old');
    const byKey = checkRef(NodeType.MODEL_VERSION, byRef, 'by');
    if (!reason || reason.trim() === '') throw new BadInputError('reason must not be empty.', 'reason');
    const why = optionalText(reason, 'reason') as string;
    const when = statedTime(at, 'at') ?? new Date();
    return this.db.write(async (tx) => {
      const old = await this.find(oldKey, tx);
      const by = await this.find(byKey, tx);
      if (old.id === by.id) throw new BadInputError('A model version cannot supersede itself.', 'by');
      if (old.modelId !== by.modelId) throw new BadInputError('A model version can only be superseded by a version of the same model.', 'by');
      if (old.supersededAt) throw new ConflictError(`ModelVersion '${oldKey.key}' is already superseded.`, { field: 'old' });
      // Replacing with a version that is itself replaced would point at a dead end (or make a cycle).
      if (by.supersededAt) throw new ConflictError(`ModelVersion '${byKey.key}' is itself superseded.`, { field: 'by' });
      if (at != null) requireExisted(when, by.createdAt, `ModelVersion '${byKey.key}'`, 'at');
      const superseded = await this.repo.supersede(tx, { oldId: old.id, byId: by.id, reason: why, at: when });
      if (!superseded) throw new ConflictError('A concurrent change superseded one of these versions; read them again.', { field: 'old' });
      return superseded;
    });
  }

  async version(ref: ModelVersionRef): Promise<ModelVersion> {
    return this.find(checkRef(NodeType.MODEL_VERSION, ref, 'ref'));
  }

  /**
   * Resolves refs in order with one statement, inside the caller's transaction (ensembles and
   * deployments name their members and targets so): a ref naming nothing usable is
   * BAD_USER_INPUT, one naming a missing version NOT_FOUND, each error with the ref's `field`.
   */
  async resolveRefs(tx: Tx, refs: { ref: ModelVersionRef; field: string }[]): Promise<ModelVersion[]> {
    const checked = refs.map(({ ref, field }) => checkRef(NodeType.MODEL_VERSION, ref, field));
    const found = await this.repo.byRefs(checked, tx);
    return found.map((v, i) => {
      if (!v) throw notFound(checked[i]);
      return v;
    });
  }

  private async find(ref: CheckedRef, tx?: Tx): Promise<StoredModelVersion> {
    const found = await this.repo.byRef(ref, tx);
    if (!found) throw notFound(ref);
    return found;
  }

  load(id: string): Promise<ModelVersion | null> {
    return requestLoader<string, ModelVersion | null>('modelVersion.byId', async (ids) =>
      indexBy(ids, await this.repo.byIds(ids), (v) => v.id)).load(id);
  }

  trainingData(versionId: string): Promise<TrainingData[]> {
    return requestLoader<string, TrainingData[]>('modelVersion.trainingData', async (ids) =>
      groupBy(ids, await this.repo.trainingData(ids), (r) => r.versionId)).load(versionId);
  }

  trainedModels(datasetVersionId: string): Promise<TrainedModel[]> {
    return requestLoader<string, TrainedModel[]>('datasetVersion.trainedModels', async (ids) =>
      groupBy(ids, await this.repo.trainedModels(ids), (r) => r.datasetVersionId)).load(datasetVersionId);
  }

  features(versionId: string): Promise<FeatureUse[]> {
    return requestLoader<string, FeatureUse[]>('modelVersion.features', async (ids) =>
      groupBy(ids, await this.repo.featuresOf(ids), (r) => r.versionId)).load(versionId);
  }

  usedBy(featureId: string): Promise<FeatureUsage[]> {
    return requestLoader<string, FeatureUsage[]>('feature.usedBy', async (ids) =>
      groupBy(ids, await this.repo.featureUsages(ids), (r) => r.featureId)).load(featureId);
  }

  supersededBy(versionId: string): Promise<Supersession | null> {
    return requestLoader<string, Supersession | null>('modelVersion.supersededBy', async (ids) =>
      indexBy(ids, await this.repo.supersededBy(ids), (r) => r.versionId)).load(versionId);
  }

  supersedes(versionId: string): Promise<Supersession[]> {
    return requestLoader<string, Supersession[]>('modelVersion.supersedes', async (ids) =>
      groupBy(ids, await this.repo.supersedes(ids), (r) => r.versionId)).load(versionId);
  }
}

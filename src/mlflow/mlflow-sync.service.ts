import { DatasetService } from '../dataset/dataset.service';
import { FeatureService } from '../feature/feature.service';
import { MetricsService } from '../metrics/metrics.service';
import { ModelAliasService } from '../model/model-alias.service';
import { ModelService } from '../model/model.service';
import { ModelVersionService } from '../model/model-version.service';
import { TrainingRole } from '../model/model-version.types';
import { RunService } from '../run/run.service';
import { RunState } from '../run/run.types';
import { MlflowClient } from './mlflow.client';
import { datasetCandidates } from './dataset-uri';
import { MlflowDatasetInput, MlflowRun, MlflowVersion, runState, runUuid, schemaColumns, sourceUri } from './mlflow.mapper';
import { MlflowRepository } from './mlflow.repository';

export interface SyncSummary { models: number; versionsAdded: number; versionsUpdated: number; versionsDeleted: number; aliasesMoved: number }

/** Why the sync moved an alias (told apart from aliases set by hand). */
const SYNC_REASON = 'mlflow sync';

/** A logged input's context as the part it played in training. */
const ROLES: Record<string, TrainingRole> = { training: TrainingRole.TRAIN, train: TrainingRole.TRAIN, validation: TrainingRole.VALIDATION, eval: TrainingRole.VALIDATION, test: TrainingRole.TEST };

/**
 * One pass over an MLflow registry into the graph, through the graph's own services: registered
 * models → models; a version not yet in the graph → its source run (job = the experiment; params,
 * code version, the datasets it logged as READ), the dataset versions it was TRAINED_ON (see
 * dataset-uri.ts for how a logged source is matched to an OpenLineage dataset), the run's final
 * metrics as offline metrics and their history as metric points (step kept as a tag); what MLflow
 * may change later (description, tags, status) on the version; aliases moved as MLflow has them
 * now (the graph keeps the history MLflow does not); versions MLflow no longer lists are marked
 * deleted. Idempotent: an unchanged registry writes nothing.
 */
export class MlflowSyncService {
  constructor(private readonly repo: MlflowRepository, private readonly s: {
    models: ModelService; features: FeatureService; versions: ModelVersionService; aliases: ModelAliasService; runs: RunService;
    datasets: DatasetService; metrics: MetricsService;
  }) {}

  async sync(client: MlflowClient, progress: (line: string) => void = () => undefined): Promise<SyncSummary> {
    const summary: SyncSummary = { models: 0, versionsAdded: 0, versionsUpdated: 0, versionsDeleted: 0, aliasesMoved: 0 };
    const models = await client.models();
    for (const model of models) {
      await this.s.models.upsert({ name: model.name, description: model.description, at: model.createdAt });
      const known = await this.repo.knownVersions(model.name);
      const versions = await client.versions(model.name);
      for (const v of versions.sort((a, b) => Number(a.version) - Number(b.version) || a.version.localeCompare(b.version))) {
        const seen = known.get(v.version);
        if (!seen) { await this.register(client, v); summary.versionsAdded++; }
        if (!seen || seen.lastUpdated !== v.lastUpdated || seen.deleted) summary.versionsUpdated += await this.repo.setVersionProperties([{
          model: v.model, version: v.version, trackingUri: client.trackingUri, description: v.description, tags: JSON.stringify(v.tags),
          source: v.source, status: v.status, lastUpdated: v.lastUpdated,
        }]);
      }
      summary.versionsDeleted += await this.repo.markDeleted(model.name, client.trackingUri, versions.map((v) => v.version));
      summary.aliasesMoved += await this.syncAliases(model.name, model.aliases, new Set(versions.map((v) => v.version)));
      summary.models++;
      progress(`mlflow ${client.trackingUri}: model ${model.name}, ${versions.length} versions`);
    }
    // A registered model deleted in MLflow: its synced versions are marked, like deleted versions.
    const listed = new Set(models.map((m) => m.name));
    for (const gone of (await this.repo.syncedModels(client.trackingUri)).filter((m) => !listed.has(m))) {
      summary.versionsDeleted += await this.repo.markDeleted(gone, client.trackingUri, []);
    }
    return summary;
  }

  private async register(client: MlflowClient, v: MlflowVersion): Promise<void> {
    const run = v.runId ? await client.run(v.runId) : null;
    const { trainedOn, features } = run ? await this.recordRun(client, run) : { trainedOn: [], features: [] };
    await this.s.versions.register({
      model: v.model, version: v.version, trainedOn, features, tags: [],
      metrics: run && Object.keys(run.metrics).length ? run.metrics : null,
      producedByRunId: run ? runUuid(run.runId) : null, createdAt: v.createdAt,
    });
    if (!run) return;
    const points = (await Promise.all(Object.keys(run.metrics).map((key) => client.metricHistory(run.runId, key)))).flat();
    if (points.length) {
      await this.s.metrics.record(points.map((p) => ({
        target: { model: v.model, version: v.version }, name: p.key, value: p.value, timestamp: p.timestamp, tags: { step: p.step, mlflowRunId: run.runId },
      })));
    }
  }

  /**
   * The source run as a run of its experiment's job, reading the dataset versions it logged;
   * returns them as training data, and the logged columns as the features the version uses.
   */
  private async recordRun(client: MlflowClient, run: MlflowRun) {
    const trainedOn = [];
    const columns: { column: string; field: { namespace: string; name: string; version: string; field: string } | null }[] = [];
    for (const input of run.inputs) {
      const datasetVersion = await this.datasetVersionOf(input, run.startedAt ?? new Date());
      if (!datasetVersion) continue;
      trainedOn.push({ datasetVersion, role: ROLES[input.context ?? 'training'] ?? TrainingRole.TRAIN });
      const known = await this.repo.versionFields(datasetVersion);
      for (const c of schemaColumns(input.schema)) columns.push({ column: c.name, field: known.has(c.name) ? { ...datasetVersion, field: c.name } : null });
    }
    const unique = [...new Map(trainedOn.map((t) => [JSON.stringify(t), t])).values()];
    await this.s.runs.recordRun({
      job: { namespace: client.trackingUri, name: await client.experimentName(run.experimentId) },
      runId: runUuid(run.runId), state: runState(run.status) as RunState, startedAt: run.startedAt, endedAt: run.endedAt,
      codeVersion: run.tags['mlflow.source.git.commit'] ?? null, parameters: run.params,
      inputs: [...new Map(unique.map((t) => [JSON.stringify(t.datasetVersion), t.datasetVersion])).values()], outputs: [], at: run.startedAt,
    });
    return { trainedOn: unique, features: await this.runFeatures(client, run, columns) };
  }

  /**
   * The logged columns as features of the run: namespace `<tracking URI>/runs/<run id>` (so an
   * impact path through a feature names the run), name the column, derived from the field of that
   * name on the dataset version the run read (none when the graph's version lacks it). Per run, not
   * shared: what a run trained on never changes, so neither do its features' fields. MLflow keeps no
   * importance: every column gets an equal share.
   */
  private async runFeatures(client: MlflowClient, run: MlflowRun, columns: { column: string; field: { namespace: string; name: string; version: string; field: string } | null }[]) {
    const byName = new Map<string, typeof columns>();
    for (const c of columns) byName.set(c.column, [...(byName.get(c.column) ?? []), c]);
    const namespace = `${client.trackingUri}/runs/${run.runId}`;
    const uses = [];
    for (const [name, sources] of byName) {
      const derivedFrom = sources.flatMap((c) => (c.field ? [c.field] : []));
      await this.s.features.upsert({ namespace, name, description: `Column ${name} as MLflow run ${run.runId} logged it`, derivedFrom, at: run.startedAt ?? undefined });
      uses.push({ feature: { namespace, name }, importance: 1 / byName.size });
    }
    return uses;
  }

  /**
   * The graph dataset version a logged input names: a dataset already in the graph (reported by
   * OpenLineage, or registered) at its version current when the run started; else a new dataset
   * at the spec's reading of the URI, with version `mlflow:<digest>` and the logged schema.
   */
  private async datasetVersionOf(input: MlflowDatasetInput, at: Date): Promise<{ namespace: string; name: string; version: string } | null> {
    const uri = sourceUri(input.source);
    const candidates = uri ? datasetCandidates(uri) : [];
    const found = await this.repo.matchDataset(candidates, at);
    if (found?.version) return { namespace: found.namespace, name: found.name, version: found.version };
    const key = found ?? candidates[0] ?? { namespace: `mlflow-dataset:${input.sourceType}`, name: input.name };
    const version = `mlflow:${input.digest}`;
    await this.s.datasets.registerVersion({
      namespace: key.namespace, name: key.name, version, createdAt: at,
      fields: schemaColumns(input.schema).map((c) => ({ name: c.name, type: c.type })),
    });
    return { namespace: key.namespace, name: key.name, version };
  }

  /** Aliases as MLflow has them now: moved or set (the graph closes the old assignment), removed when gone. */
  private async syncAliases(model: string, aliases: { alias: string; version: string }[], versions: Set<string>): Promise<number> {
    const modelId = (await this.s.models.byName(model)).id;
    const assignments = await this.s.aliases.current(modelId);
    const current = new Map(assignments.map((a) => [a.name, a.modelVersion.version]));
    let moved = 0;
    for (const a of aliases.filter((x) => versions.has(x.version))) {
      if (current.get(a.alias) === a.version) continue;
      await this.s.aliases.setAlias(model, a.alias, a.version, { reason: SYNC_REASON });
      moved++;
    }
    // Only aliases the sync set: one set by hand in modelgraph is not MLflow's to remove.
    for (const gone of assignments.filter((a) => a.reason === SYNC_REASON && !aliases.some((x) => x.alias === a.name))) {
      await this.s.aliases.removeAlias(model, gone.name);
      moved++;
    }
    return moved;
  }
}

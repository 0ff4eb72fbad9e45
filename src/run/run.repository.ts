import { jsonObject, storedEnum } from '../db/convert';
import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { toDatasetVersion } from '../dataset/dataset.repository';
import { DatasetVersion } from '../dataset/dataset.types';
import { toModelVersion } from '../model/model.repository';
import { ModelVersion } from '../model/model.types';
import { Job, Run, RunState } from './run.types';

/** What recordRun checks before it writes (see cypher/run/run-for-update.cypher). */
export interface RunForUpdate {
  run: Run | null;
  currentParentRunId: string | null;
  parentExists: boolean;
  parentIsDescendant: boolean;
}

/** A row of a relationship read: `key` is the id it was asked for (a run, dataset version or model version). */
export interface Related<T> { key: string; value: T }

/** The only code that talks to Neo4j about jobs, runs and the edges runs make. */
export class RunRepository {
  constructor(private readonly db: Db) {}

  async upsertJob(tx: Tx, p: ParamsOf<typeof Q.runUpsertJob>): Promise<Job> {
    return toJob((await tx.run(Q.runUpsertJob, p))[0].job);
  }

  async jobsByIds(ids: readonly string[], tx?: Tx): Promise<Job[]> {
    const work = (t: Tx) => t.run(Q.runJobsByIds, { ids: [...ids] });
    const rows = await (tx ? work(tx) : this.db.read(work));
    return rows.map((r) => toJob(r.job));
  }

  async jobByKey(namespace: string, name: string): Promise<Job | undefined> {
    const row = await this.db.readOne((tx) => tx.one(Q.runJobByKey, { namespace, name }));
    return row && toJob(row.job);
  }

  async listJobs(p: ParamsOf<typeof Q.runListJobs>): Promise<Job[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runListJobs, p));
    return rows.map((r) => toJob(r.job));
  }

  async runForUpdate(tx: Tx, runId: string, parentRunId: string | null): Promise<RunForUpdate> {
    const [row] = await tx.run(Q.runRunForUpdate, { runId, parentRunId });
    return { ...row, run: row.run && toRun(row.run) };
  }

  async recordRun(tx: Tx, p: ParamsOf<typeof Q.runRecordRun>): Promise<Run> {
    return toRun((await tx.run(Q.runRecordRun, p))[0].run);
  }

  async linkRun(tx: Tx, p: ParamsOf<typeof Q.runLinkRun>): Promise<void> {
    await tx.run(Q.runLinkRun, p);
  }

  async runsByIds(runIds: readonly string[]): Promise<Run[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runRunsByIds, { runIds: [...runIds] }));
    return rows.map((r) => toRun(r.run));
  }

  async runsOfJobs(jobIds: readonly string[]): Promise<Run[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runRunsOfJobs, { jobIds: [...jobIds] }));
    return rows.map((r) => toRun(r.run));
  }

  async parentsOf(runIds: readonly string[]): Promise<Related<Run>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runParentsOfRuns, { runIds: [...runIds] }));
    return rows.map((r) => ({ key: r.runId, value: toRun(r.run) }));
  }

  async childrenOf(runIds: readonly string[]): Promise<Related<Run>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runChildrenOfRuns, { runIds: [...runIds] }));
    return rows.map((r) => ({ key: r.runId, value: toRun(r.run) }));
  }

  async readersOf(versionIds: readonly string[]): Promise<Related<Run>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runReadersOfDatasetVersions, { versionIds: [...versionIds] }));
    return rows.map((r) => ({ key: r.versionId, value: toRun(r.run) }));
  }

  async writersOf(versionIds: readonly string[]): Promise<Related<Run>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runWritersOfDatasetVersions, { versionIds: [...versionIds] }));
    return rows.map((r) => ({ key: r.versionId, value: toRun(r.run) }));
  }

  async producersOf(modelVersionIds: readonly string[]): Promise<Related<Run>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runProducersOfModelVersions, { modelVersionIds: [...modelVersionIds] }));
    return rows.map((r) => ({ key: r.modelVersionId, value: toRun(r.run) }));
  }

  async datasetsReadBy(runIds: readonly string[]): Promise<Related<DatasetVersion>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runDatasetsReadByRuns, { runIds: [...runIds] }));
    return rows.map((r) => ({ key: r.runId, value: toDatasetVersion(r.version) }));
  }

  async datasetsWrittenBy(runIds: readonly string[]): Promise<Related<DatasetVersion>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runDatasetsWrittenByRuns, { runIds: [...runIds] }));
    return rows.map((r) => ({ key: r.runId, value: toDatasetVersion(r.version) }));
  }

  async modelsProducedBy(runIds: readonly string[]): Promise<Related<ModelVersion>[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.runModelsProducedByRuns, { runIds: [...runIds] }));
    return rows.map((r) => ({ key: r.runId, value: toModelVersion(r.modelVersion) }));
  }
}

function toJob(p: RowOf<typeof Q.runJobsByIds>['job']): Job {
  return { ...p, description: p.description ?? null, facets: jsonObject(p.facets) };
}

function toRun(p: RowOf<typeof Q.runRunsByIds>['run']): Run {
  return {
    ...p,
    state: storedEnum(RunState, p.state, 'run state'),
    startedAt: p.startedAt ?? null, endedAt: p.endedAt ?? null, codeVersion: p.codeVersion ?? null,
    parameters: jsonObject(p.parameters), facets: jsonObject(p.facets),
  };
}

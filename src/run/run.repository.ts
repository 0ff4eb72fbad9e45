import { Db, Tx } from '../db/db';
import { ParamsOf, Query } from '../db/query';
import * as Q from '../generated/cypher';
import { parseJsonProperty } from '../common/validate';
import { DatasetVersion } from '../dataset/dataset.types';
import { toModelVersion } from '../model/model.repository';
import { ModelVersion } from '../model/model.types';
import { Job, Run } from './run.types';

type Props = Record<string, unknown>;

/** What recordRun checks before it writes (see cypher/run/run-for-update.cypher). */
export interface RunForUpdate {
  run: Run | null;
  currentParentRunId: string | null;
  parentExists: boolean;
  parentIsDescendant: boolean;
}

/** The only code that talks to Neo4j about jobs, runs and the edges runs make. */
export class RunRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async upsertJob(tx: Tx, p: ParamsOf<typeof Q.runUpsertJob>): Promise<Job> {
    return toJob((await tx.run<{ job: Props }>(Q.runUpsertJob, p))[0].job);
  }

  async jobsByIds(ids: readonly string[], tx?: Tx): Promise<Job[]> {
    const work = (t: Tx) => t.run<{ job: Props }>(Q.runJobsByIds, { ids: [...ids] });
    const rows = await (tx ? work(tx) : this.db.read(work));
    return rows.map((r) => toJob(r.job));
  }

  async jobByKey(namespace: string, name: string): Promise<Job | undefined> {
    const row = await this.db.read((tx) => tx.one<{ job: Props }>(Q.runJobByKey, { namespace, name }));
    return row && toJob(row.job);
  }

  async listJobs(p: ParamsOf<typeof Q.runListJobs>): Promise<Job[]> {
    const rows = await this.db.read((tx) => tx.run<{ job: Props }>(Q.runListJobs, p));
    return rows.map((r) => toJob(r.job));
  }

  async runForUpdate(tx: Tx, runId: string, parentRunId: string | null): Promise<RunForUpdate> {
    const row = (await tx.run<RunForUpdate & { run: Props | null }>(Q.runRunForUpdate, { runId, parentRunId }))[0];
    return { ...row, run: row.run && toRun(row.run) };
  }

  async recordRun(tx: Tx, p: ParamsOf<typeof Q.runRecordRun>): Promise<Run> {
    return toRun((await tx.run<{ run: Props }>(Q.runRecordRun, p))[0].run);
  }

  async linkRun(tx: Tx, p: ParamsOf<typeof Q.runLinkRun>): Promise<void> {
    await tx.run(Q.runLinkRun, p);
  }

  async runsByIds(runIds: readonly string[]): Promise<Run[]> {
    return this.runs(Q.runRunsByIds, { runIds: [...runIds] });
  }

  async runsOfJobs(jobIds: readonly string[]): Promise<Run[]> {
    return this.runs(Q.runRunsOfJobs, { jobIds: [...jobIds] });
  }

  /** Runs related to keys (the `key` column names which): parents, children, readers, writers, producers. */
  async related(q: Query<unknown>, params: Record<string, unknown>, key: string): Promise<{ key: string; run: Run }[]> {
    const rows = await this.db.read((tx) => tx.run<Props & { run: Props }, unknown>(q, params));
    return rows.map((r) => ({ key: r[key] as string, run: toRun(r.run) }));
  }

  async datasetVersionsOfRuns(q: typeof Q.runDatasetsReadByRuns, runIds: readonly string[]): Promise<{ runId: string; version: DatasetVersion }[]> {
    return this.db.read((tx) => tx.run<{ runId: string; version: DatasetVersion }>(q, { runIds: [...runIds] }));
  }

  async modelsProducedBy(runIds: readonly string[]): Promise<{ runId: string; modelVersion: ModelVersion }[]> {
    const rows = await this.db.read((tx) => tx.run<{ runId: string; modelVersion: Props }>(Q.runModelsProducedByRuns, { runIds: [...runIds] }));
    return rows.map((r) => ({ runId: r.runId, modelVersion: toModelVersion(r.modelVersion) }));
  }

  private async runs<P>(q: Query<P>, params: P): Promise<Run[]> {
    const rows = await this.db.read((tx) => tx.run<{ run: Props }, P>(q, params));
    return rows.map((r) => toRun(r.run));
  }
}

function toJob(p: Props): Job {
  return { ...(p as unknown as Job), description: (p.description as string) ?? null, facets: parseJsonProperty(p.facets) as Job['facets'] };
}

function toRun(p: Props): Run {
  return {
    ...(p as unknown as Run),
    startedAt: (p.startedAt as Date) ?? null, endedAt: (p.endedAt as Date) ?? null, codeVersion: (p.codeVersion as string) ?? null,
    parameters: parseJsonProperty(p.parameters) as Run['parameters'], facets: parseJsonProperty(p.facets) as Run['facets'],
  };
}

import crypto from 'node:crypto';
import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { jsonProperty, optionalText, requireName } from '../common/validate';
import { statedTime } from '../common/world-time';
import { Transactions, Tx } from '../db/db';
import { groupBy, indexBy, requestLoader } from '../db/request-scope';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveAll } from '../graph/resolve-refs';
import { DatasetVersion } from '../dataset/dataset.types';
import { ModelVersion } from '../model/model.types';
import { Related, RunRepository } from './run.repository';
import { nextState, requireUuid, withField } from './run.rules';
import { Job, JobFilter, JobRef, RecordRunInput, Run, UpsertJobInput } from './run.types';

/** The rules for jobs and runs, and the loaders of every relationship a run has. */
export class RunService {
  constructor(private readonly repo: RunRepository, private readonly db: Transactions, private readonly maxPageSize: number) {}

  upsertJob(input: UpsertJobInput): Promise<Job> {
    const p = {
      namespace: requireName(input.namespace, 'input.namespace'),
      name: requireName(input.name, 'input.name'),
      description: optionalText(input.description, 'input.description'),
      at: statedTime(input.at, 'input.at'),
    };
    return this.db.write((tx) => this.repo.upsertJob(tx, p));
  }

  /** Upsert by runId. Everything is validated first; then one transaction writes it all or nothing. */
  recordRun(input: RecordRunInput): Promise<Run> {
    const runId = input.runId == null ? crypto.randomUUID() : requireUuid(input.runId, 'input.runId');
    const parentRunId = input.parentRunId == null ? null : requireUuid(input.parentRunId, 'input.parentRunId');
    if (input.startedAt && input.endedAt && input.endedAt < input.startedAt) {
      throw new BadInputError('input.endedAt must not be before input.startedAt.', 'input.endedAt');
    }
    const fields = {
      startedAt: input.startedAt ?? null, endedAt: input.endedAt ?? null,
      codeVersion: optionalText(input.codeVersion, 'input.codeVersion', 1024),
      parameters: jsonProperty(input.parameters, 'input.parameters'),
      at: statedTime(input.at, 'input.at'),
    };
    const versionRefs = [
      ...input.inputs.map((ref, i) => checkRef(NodeType.DATASET_VERSION, ref, `input.inputs[${i}]`)),
      ...input.outputs.map((ref, i) => checkRef(NodeType.DATASET_VERSION, ref, `input.outputs[${i}]`)),
    ];
    return this.db.write(async (tx) => {
      // A job created for this run exists from the run's time on.
      const job = await this.jobFor(tx, input.job, fields.at ?? fields.startedAt);
      const found = await this.repo.runForUpdate(tx, runId, parentRunId);
      if (found.run && found.run.jobId !== job.id) {
        throw new ConflictError(`Run '${runId}' belongs to another job.`, { field: 'input.job' });
      }
      if (parentRunId) {
        if (!found.parentExists) throw withField(new NotFoundError('Run', parentRunId), 'input.parentRunId');
        if (found.parentIsDescendant) throw new BadInputError('input.parentRunId would make the run its own ancestor.', 'input.parentRunId');
        if (found.currentParentRunId && found.currentParentRunId !== parentRunId) {
          throw new ConflictError(`Run '${runId}' already has parent '${found.currentParentRunId}'.`, { field: 'input.parentRunId' });
        }
      }
      const state = nextState(found.run?.state, input.state);
      // Inputs and outputs resolved in one statement; the first that names nothing is NOT_FOUND.
      const versionIds = (await resolveAll(tx, versionRefs)).map((v) => v.id);
      const [inputIds, outputIds] = [versionIds.slice(0, input.inputs.length), versionIds.slice(input.inputs.length)];
      const run = await this.repo.recordRun(tx, { runId, jobId: job.id, state, ...fields });
      await this.repo.linkRun(tx, { runId, inputIds, outputIds, parentRunId });
      return run;
    });
  }

  async job(id: string): Promise<Job> {
    const job = await this.loadJob(id);
    if (!job) throw new NotFoundError('Job', id);
    return job;
  }

  async jobByName(namespace: string, name: string): Promise<Job> {
    const job = await this.repo.jobByKey(namespace, name);
    if (!job) throw new NotFoundError('Job', `${namespace}/${name}`);
    return job;
  }

  async jobs(filter: JobFilter | undefined, page: PageInput | undefined): Promise<Page<Job>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.listJobs({
      namespace: filter?.namespace ?? null, nameContains: filter?.nameContains ?? null, after: decodeCursor(page?.after), limit: first + 1,
    });
    return toPage(rows, first, (j) => [j.namespace, j.name]);
  }

  async run(runId: string): Promise<Run> {
    const run = await requestLoader<string, Run | null>('run.byId', async (ids) =>
      indexBy(ids, await this.repo.runsByIds(ids), (r) => r.runId)).load(runId);
    if (!run) throw new NotFoundError('Run', runId);
    return run;
  }

  loadJob(id: string): Promise<Job | null> {
    return requestLoader<string, Job | null>('job.byId', async (ids) =>
      indexBy(ids, await this.repo.jobsByIds(ids), (j) => j.id)).load(id);
  }

  runsOfJob(jobId: string): Promise<Run[]> {
    return requestLoader<string, Run[]>('job.runs', async (ids) =>
      groupBy(ids, await this.repo.runsOfJobs(ids), (r) => r.jobId)).load(jobId);
  }

  inputs(runId: string): Promise<DatasetVersion[]> { return this.related('run.inputs', (ids) => this.repo.datasetsReadBy(ids), runId); }
  outputs(runId: string): Promise<DatasetVersion[]> { return this.related('run.outputs', (ids) => this.repo.datasetsWrittenBy(ids), runId); }

  async parent(runId: string): Promise<Run | null> { return (await this.related('run.parent', (ids) => this.repo.parentsOf(ids), runId))[0] ?? null; }
  children(runId: string): Promise<Run[]> { return this.related('run.children', (ids) => this.repo.childrenOf(ids), runId); }
  consumers(versionId: string): Promise<Run[]> { return this.related('datasetVersion.consumedBy', (ids) => this.repo.readersOf(ids), versionId); }
  producers(versionId: string): Promise<Run[]> { return this.related('datasetVersion.producedBy', (ids) => this.repo.writersOf(ids), versionId); }
  async producerOf(modelVersionId: string): Promise<Run | null> {
    return (await this.related('modelVersion.producedBy', (ids) => this.repo.producersOf(ids), modelVersionId))[0] ?? null;
  }

  producedModels(runId: string): Promise<ModelVersion[]> {
    return this.related('run.producedModels', (ids) => this.repo.modelsProducedBy(ids), runId);
  }

  /** One loader per relationship: `read` returns the related rows of a batch of ids, each with the id it belongs to. */
  private related<T>(name: string, read: (ids: readonly string[]) => Promise<Related<T>[]>, id: string): Promise<T[]> {
    return requestLoader<string, T[]>(name, async (ids) =>
      groupBy(ids, await read(ids), (r) => r.key).map((rows) => rows.map((r) => r.value))).load(id);
  }

  private async jobFor(tx: Tx, ref: JobRef, at: Date | null): Promise<Job> {
    if (ref.id) {
      const [job] = await this.repo.jobsByIds([ref.id], tx);
      if (!job) throw withField(new NotFoundError('Job', ref.id), 'input.job');
      return job;
    }
    const namespace = requireName(ref.namespace, 'input.job.namespace');
    const name = requireName(ref.name, 'input.job.name');
    return this.repo.upsertJob(tx, { namespace, name, description: null, at });
  }
}

import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../common/connection';
import { DatasetVersion } from '../dataset/dataset.types';
import { ModelVersion } from '../model/model.types';
import { RunService } from './run.service';
import { Job, JobConnection, JobFilter, RecordRunInput, Run, UpsertJobInput } from './run.types';

@Resolver(() => Job)
export class JobResolver {
  constructor(private readonly service: RunService) {}

  @Query(() => Job, { description: 'A job by id.' })
  job(@Arg('id', () => ID) id: string) { return this.service.job(id); }

  @Query(() => Job, { description: 'A job by its natural key.' })
  jobByName(@Arg('namespace') namespace: string, @Arg('name') name: string) { return this.service.jobByName(namespace, name); }

  @Query(() => JobConnection)
  jobs(@Arg('filter', () => JobFilter, { nullable: true }) filter?: JobFilter,
       @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.jobs(filter, page); }

  @Mutation(() => Job, { description: 'Creates a job, or updates its description.' })
  upsertJob(@Arg('input', () => UpsertJobInput) input: UpsertJobInput) { return this.service.upsertJob(input); }

  @FieldResolver(() => [Run], { description: 'Every run of the job, newest first.' })
  runs(@Root() job: Job) { return this.service.runsOfJob(job.id); }
}

@Resolver(() => Run)
export class RunResolver {
  constructor(private readonly service: RunService) {}

  @Query(() => Run, { description: 'A run by its runId.' })
  run(@Arg('runId') runId: string) { return this.service.run(runId); }

  @Mutation(() => Run, { description: 'Records a run (upsert by runId): its state, what it read and wrote, its parent.' })
  recordRun(@Arg('input', () => RecordRunInput) input: RecordRunInput) { return this.service.recordRun(input); }

  @FieldResolver(() => Job)
  job(@Root() run: Run) { return this.service.loadJob(run.jobId); }

  @FieldResolver(() => [DatasetVersion], { description: 'The dataset versions the run read.' })
  inputs(@Root() run: Run) { return this.service.inputs(run.runId); }

  @FieldResolver(() => [DatasetVersion], { description: 'The dataset versions the run wrote.' })
  outputs(@Root() run: Run) { return this.service.outputs(run.runId); }

  @FieldResolver(() => Run, { nullable: true, description: 'The run that started this one (OpenLineage parent).' })
  parent(@Root() run: Run) { return this.service.parent(run.runId); }

  @FieldResolver(() => [Run], { description: 'Runs started by this one, newest first.' })
  children(@Root() run: Run) { return this.service.children(run.runId); }

  @FieldResolver(() => [ModelVersion], { description: 'The model versions this run trained.' })
  producedModels(@Root() run: Run) { return this.service.producedModels(run.runId); }
}

/** Run fields on types other modules own: added here so those modules need not know about runs. */
@Resolver(() => ModelVersion)
export class ModelVersionRunResolver {
  constructor(private readonly service: RunService) {}

  @FieldResolver(() => Run, { nullable: true, description: 'The run that trained this version, if recorded.' })
  producedBy(@Root() mv: ModelVersion) { return this.service.producerOf(mv.id); }
}

@Resolver(() => DatasetVersion)
export class DatasetVersionRunResolver {
  constructor(private readonly service: RunService) {}

  @FieldResolver(() => [Run], { description: 'The runs that read this version, newest first.' })
  consumedBy(@Root() v: DatasetVersion) { return this.service.consumers(v.id); }

  @FieldResolver(() => [Run], { description: 'The runs that wrote this version, newest first.' })
  producedBy(@Root() v: DatasetVersion) { return this.service.producers(v.id); }
}

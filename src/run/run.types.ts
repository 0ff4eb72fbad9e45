import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection';
import { CREATED_AT } from '../common/world-time';
import { DatasetVersionRef } from '../dataset/dataset.types';

export enum RunState { START = 'START', RUNNING = 'RUNNING', COMPLETE = 'COMPLETE', ABORT = 'ABORT', FAIL = 'FAIL', OTHER = 'OTHER' }
registerEnumType(RunState, { name: 'RunState', description: "A run's state, as in OpenLineage." });

/** A job: a named, recurring piece of work (a pipeline step, a training script). */
@ObjectType({ description: 'A job, named by namespace + name (as in OpenLineage).' })
export class Job {
  @Field(() => ID) id!: string;
  @Field() namespace!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Facets kept from OpenLineage events, by facet name.' })
  facets!: Record<string, unknown> | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

/** One execution of a job. */
@ObjectType({ description: 'One execution of a job: what it read, wrote and trained, with its code and parameters.' })
export class Run {
  @Field(() => ID) id!: string;
  @Field() runId!: string;
  @Field(() => ID) jobId!: string;
  @Field(() => RunState) state!: RunState;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => String, { nullable: true }) codeVersion!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) parameters!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Run facets kept from OpenLineage events.' })
  facets!: Record<string, unknown> | null;
  @Field() createdAt!: Date;
}

@InputType({ description: 'Names a job: by id, or by namespace + name.' })
export class JobRef {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field({ nullable: true }) namespace?: string;
  @Field({ nullable: true }) name?: string;
}

@ObjectType() export class JobConnection extends Connection(Job) {}

@InputType()
export class UpsertJobInput {
  @Field() namespace!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Date, { nullable: true, description: CREATED_AT }) at?: Date | null;
}

@InputType()
export class JobFilter {
  @Field({ nullable: true }) namespace?: string;
  @Field({ nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
}

@InputType({ description: 'Records a run, or adds to one recorded before (upsert by runId; repeating a call changes nothing).' })
export class RecordRunInput {
  @Field(() => JobRef, { description: 'The job; by namespace + name it is created if missing, by id it must exist.' })
  job!: JobRef;
  @Field(() => String, { nullable: true, description: 'A UUID; generated when absent.' }) runId?: string | null;
  @Field(() => RunState, {
    description: 'START/RUNNING may advance to a final state (COMPLETE/ABORT/FAIL); a final state never goes back '
      + '(a late START is ignored) and changing it to another final state is a CONFLICT.',
  })
  state!: RunState;
  @Field(() => Date, { nullable: true }) startedAt?: Date | null;
  @Field(() => Date, { nullable: true }) endedAt?: Date | null;
  @Field(() => String, { nullable: true }) codeVersion?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) parameters?: Record<string, unknown> | null;
  @Field(() => [DatasetVersionRef], { defaultValue: [], description: 'Dataset versions read; added to those recorded before.' })
  inputs!: DatasetVersionRef[];
  @Field(() => [DatasetVersionRef], { defaultValue: [], description: 'Dataset versions written; added to those recorded before.' })
  outputs!: DatasetVersionRef[];
  @Field(() => String, { nullable: true, description: 'The runId of the parent run, which must be recorded already.' })
  parentRunId?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the run came to be (default: startedAt, else now; for backfills, not in the future): the createdAt of a new run, '
      + 'and of its job when the job is created for it; a later call never moves it.',
  })
  at?: Date | null;
}

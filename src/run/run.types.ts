import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

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

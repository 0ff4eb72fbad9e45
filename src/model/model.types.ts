import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { CREATED_AT } from '../common/world-time';

/** A registered model (a name under which versions are trained and served). */
@ObjectType({ description: 'A registered model: the name under which versions are trained and served.' })
export class Model {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() createdAt!: Date;
}

/** An immutable trained version of a model. */
@ObjectType({ description: 'An immutable trained version of a model.' })
export class ModelVersion {
  @Field(() => ID) id!: string;
  @Field(() => ID) modelId!: string;
  @Field() version!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Offline evaluation metrics given at registration.' })
  metrics!: Record<string, unknown> | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When another version replaced this one (see supersededBy).' })
  supersededAt!: Date | null;
  @Field(() => String, { nullable: true }) supersededReason!: string | null;
}

@InputType({ description: 'Names a model: by id, or by name.' })
export class ModelRef {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field({ nullable: true }) name?: string;
}

@InputType({ description: 'Names a model version: by id, or by model name + version.' })
export class ModelVersionRef {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field({ nullable: true }) model?: string;
  @Field({ nullable: true }) version?: string;
}

/** A named pointer (e.g. "champion") from a model to one of its versions, over an interval of time. */
@ObjectType({ description: 'An alias assignment: the alias named `name` pointed at modelVersion from `from` until `to`.' })
export class ModelAlias {
  @Field() name!: string;
  @Field(() => ModelVersion) modelVersion!: ModelVersion;
  @Field() from!: Date;
  @Field(() => Date, { nullable: true, description: 'When the alias moved away or was removed; null while it holds.' })
  to!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the alias was set, as given.' })
  reason!: string | null;
}

@ObjectType() export class ModelConnection extends Connection(Model) {}

@InputType()
export class UpsertModelInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Date, { nullable: true, description: CREATED_AT }) at?: Date | null;
}

@InputType()
export class ModelFilter {
  @Field({ nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
}

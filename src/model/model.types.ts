import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

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

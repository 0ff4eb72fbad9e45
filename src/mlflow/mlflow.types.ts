import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the registry a model version was synced from (MLflow) says of it, and may change there.' })
export class ModelVersionSource {
  @Field({ description: 'The registry: "mlflow".' }) system!: string;
  @Field({ description: 'The MLflow tracking server it was synced from.' }) trackingUri!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GraphQLJSONObject, { description: "The version's tags in MLflow (name → value)." }) tags!: Record<string, string>;
  @Field(() => String, { nullable: true, description: "MLflow's status (READY, PENDING_REGISTRATION, FAILED_REGISTRATION)." }) status!: string | null;
  @Field(() => String, { nullable: true, description: 'Where MLflow keeps its files (the version\'s `source`).' }) artifactSource!: string | null;
  @Field(() => Date, { nullable: true, description: 'When a sync noticed the version was gone from MLflow (kept in the graph, marked); null while MLflow lists it.' })
  deletedAt!: Date | null;
}

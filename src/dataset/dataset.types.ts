import { GraphQLJSONObject } from 'graphql-scalars';
import { Field as GqlField, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { CREATED_AT } from '../common/world-time';

/** A dataset: a table, file set or topic, named by namespace + name (as in OpenLineage). */
@ObjectType({ description: 'A dataset, named by namespace + name (as in OpenLineage).' })
export class Dataset {
  @GqlField(() => ID) id!: string;
  @GqlField() namespace!: string;
  @GqlField() name!: string;
  @GqlField(() => String, { nullable: true }) description!: string | null;
  @GqlField(() => GraphQLJSONObject, { nullable: true, description: 'Facets kept from OpenLineage events, by facet name.' })
  facets!: Record<string, unknown> | null;
  @GqlField() createdAt!: Date;
  @GqlField() updatedAt!: Date;
}

/** An immutable version of a dataset: its schema (fields) and optional content fingerprint. */
@ObjectType({ description: 'An immutable version of a dataset, with its schema fields.' })
export class DatasetVersion {
  @GqlField(() => ID) id!: string;
  @GqlField(() => ID) datasetId!: string;
  @GqlField() version!: string;
  @GqlField(() => String, { nullable: true, description: 'A content hash of the data, if the producer gave one.' })
  fingerprint!: string | null;
  @GqlField(() => Int, { nullable: true }) rowCount!: number | null;
  @GqlField({ description: 'When this version was created (it is current from then until the next one).' })
  createdAt!: Date;
}

/** A column of a dataset version. */
@ObjectType({ description: 'A schema field (column) of one dataset version.' })
export class Field {
  @GqlField(() => ID) id!: string;
  @GqlField(() => ID) datasetVersionId!: string;
  @GqlField() name!: string;
  @GqlField(() => String, { nullable: true }) type!: string | null;
  @GqlField(() => String, { nullable: true }) description!: string | null;
  @GqlField(() => Int) position!: number;
  @GqlField(() => GraphQLJSONObject, { nullable: true, description: 'Column profile: counts, nulls, min/max, histogram, top values.' })
  profile!: Record<string, unknown> | null;
}

@ObjectType() export class DatasetConnection extends Connection(Dataset) {}
@ObjectType() export class DatasetVersionConnection extends Connection(DatasetVersion) {}

@InputType({ description: 'Names a dataset: by id, or by namespace + name.' })
export class DatasetRef {
  @GqlField(() => ID, { nullable: true }) id?: string;
  @GqlField({ nullable: true }) namespace?: string;
  @GqlField({ nullable: true }) name?: string;
}

@InputType({ description: 'Names a dataset version: by id, or by namespace + name + version.' })
export class DatasetVersionRef {
  @GqlField(() => ID, { nullable: true }) id?: string;
  @GqlField({ nullable: true }) namespace?: string;
  @GqlField({ nullable: true }) name?: string;
  @GqlField({ nullable: true }) version?: string;
}

@InputType()
export class UpsertDatasetInput {
  @GqlField() namespace!: string;
  @GqlField() name!: string;
  @GqlField(() => String, { nullable: true }) description?: string | null;
  @GqlField(() => Date, { nullable: true, description: CREATED_AT }) at?: Date | null;
}

@InputType()
export class FieldInput {
  @GqlField() name!: string;
  @GqlField(() => String, { nullable: true }) type?: string | null;
  @GqlField(() => String, { nullable: true }) description?: string | null;
  @GqlField(() => GraphQLJSONObject, { nullable: true }) profile?: Record<string, unknown> | null;
}

@InputType({ description: 'A new immutable version; the dataset is created if it does not exist yet.' })
export class RegisterDatasetVersionInput {
  @GqlField() namespace!: string;
  @GqlField() name!: string;
  @GqlField() version!: string;
  @GqlField(() => [FieldInput], { defaultValue: [] }) fields!: FieldInput[];
  @GqlField(() => String, { nullable: true }) fingerprint?: string | null;
  @GqlField(() => Int, { nullable: true }) rowCount?: number | null;
  @GqlField({ nullable: true, description: 'When the version came to be (default: now); for backfills.' })
  createdAt?: Date;
}

@InputType()
export class DatasetFilter {
  @GqlField({ nullable: true }) namespace?: string;
  @GqlField({ nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
}

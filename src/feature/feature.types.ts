import { Field as GqlField, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';

/** A model input computed from dataset fields, named by namespace + name (as in a feature store). */
@ObjectType({ description: 'A feature: a model input computed from dataset fields, named by namespace + name.' })
export class Feature {
  @GqlField(() => ID) id!: string;
  @GqlField() namespace!: string;
  @GqlField() name!: string;
  @GqlField(() => String, { nullable: true }) description!: string | null;
  @GqlField(() => String, { nullable: true, description: 'How the feature is computed from its fields (SQL, code, prose).' })
  transformation!: string | null;
  @GqlField() createdAt!: Date;
}

@ObjectType() export class FeatureConnection extends Connection(Feature) {}

@InputType({ description: 'Names a feature: by id, or by namespace + name.' })
export class FeatureRef {
  @GqlField(() => ID, { nullable: true }) id?: string;
  @GqlField({ nullable: true }) namespace?: string;
  @GqlField({ nullable: true }) name?: string;
}

@InputType({ description: 'Names a schema field: by id, or by dataset namespace + name + version and the field name.' })
export class FieldRef {
  @GqlField(() => ID, { nullable: true }) id?: string;
  @GqlField({ nullable: true }) namespace?: string;
  @GqlField({ nullable: true }) name?: string;
  @GqlField({ nullable: true }) version?: string;
  @GqlField({ nullable: true }) field?: string;
}

@InputType({ description: 'Creates a feature or updates it; omitted values are kept.' })
export class UpsertFeatureInput {
  @GqlField() namespace!: string;
  @GqlField() name!: string;
  @GqlField(() => String, { nullable: true }) description?: string | null;
  @GqlField(() => String, { nullable: true }) transformation?: string | null;
  @GqlField(() => [FieldRef], {
    nullable: true,
    description: 'The fields the feature is computed from; replaces the current set (omit to keep it, [] to clear it).',
  })
  derivedFrom?: FieldRef[] | null;
  @GqlField(() => Date, {
    nullable: true,
    description: 'When it came to be or changed (default now; for backfills, not in the future): the createdAt of a new feature, '
      + 'and when a change of derivedFrom took effect (after its latest change; the fields before stay as history).',
  })
  at?: Date | null;
}

@InputType()
export class FeatureFilter {
  @GqlField({ nullable: true }) namespace?: string;
  @GqlField({ nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
}

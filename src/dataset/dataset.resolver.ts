import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../common/connection';
import { DatasetService } from './dataset.service';
import {
  Dataset, DatasetConnection, DatasetFilter, DatasetVersion, DatasetVersionRef, Field, RegisterDatasetVersionInput, UpsertDatasetInput,
} from './dataset.types';

@Resolver(() => Dataset)
export class DatasetResolver {
  constructor(private readonly service: DatasetService) {}

  @Query(() => Dataset, { description: 'A dataset by id.' })
  dataset(@Arg('id', () => ID) id: string) { return this.service.get(id); }

  @Query(() => Dataset, { description: 'A dataset by its natural key.' })
  datasetByName(@Arg('namespace') namespace: string, @Arg('name') name: string) { return this.service.byName(namespace, name); }

  @Query(() => DatasetConnection)
  datasets(@Arg('filter', () => DatasetFilter, { nullable: true }) filter?: DatasetFilter,
           @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.list(filter, page); }

  @Query(() => DatasetVersion, { description: 'A dataset version by id, or by namespace + name + version.' })
  datasetVersion(@Arg('ref', () => DatasetVersionRef) ref: DatasetVersionRef) { return this.service.version(ref); }

  @Mutation(() => Dataset, { description: 'Creates a dataset, or updates its description.' })
  upsertDataset(@Arg('input', () => UpsertDatasetInput) input: UpsertDatasetInput) { return this.service.upsert(input); }

  @Mutation(() => DatasetVersion, { description: 'Registers an immutable version; the same content again is a no-op, other content a CONFLICT.' })
  registerDatasetVersion(@Arg('input', () => RegisterDatasetVersionInput) input: RegisterDatasetVersionInput) { return this.service.registerVersion(input); }

  @FieldResolver(() => [DatasetVersion], { description: 'Every version, newest first.' })
  versions(@Root() d: Dataset) { return this.service.versions(d.id); }

  @FieldResolver(() => DatasetVersion, { nullable: true, description: 'The version current at asOf (default now).' })
  currentVersion(@Root() d: Dataset, @Arg('asOf', { nullable: true }) asOf?: Date) { return this.service.currentVersion(d.id, asOf); }
}

@Resolver(() => DatasetVersion)
export class DatasetVersionResolver {
  constructor(private readonly service: DatasetService) {}

  @FieldResolver(() => Dataset)
  dataset(@Root() v: DatasetVersion) { return this.service.load(v.datasetId); }

  @FieldResolver(() => [Field], { description: 'The schema, in column order.' })
  fields(@Root() v: DatasetVersion) { return this.service.fields(v.id); }
}

@Resolver(() => Field)
export class SchemaFieldResolver {
  constructor(private readonly service: DatasetService) {}

  @FieldResolver(() => DatasetVersion)
  datasetVersion(@Root() f: Field) { return this.service.loadVersion(f.datasetVersionId); }
}

import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../common/connection';
import { Field } from '../dataset/dataset.types';
import { FeatureService } from './feature.service';
import { Feature, FeatureConnection, FeatureFilter, UpsertFeatureInput } from './feature.types';

@Resolver(() => Feature)
export class FeatureResolver {
  constructor(private readonly service: FeatureService) {}

  @Query(() => Feature, { description: 'A feature by id.' })
  feature(@Arg('id', () => ID) id: string) { return this.service.get(id); }

  @Query(() => Feature, { description: 'A feature by its natural key.' })
  featureByName(@Arg('namespace') namespace: string, @Arg('name') name: string) { return this.service.byName(namespace, name); }

  @Query(() => FeatureConnection)
  features(@Arg('filter', () => FeatureFilter, { nullable: true }) filter?: FeatureFilter,
           @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.list(filter, page); }

  @Mutation(() => Feature, { description: 'Creates a feature, or updates it; derivedFrom, when given, replaces its fields.' })
  upsertFeature(@Arg('input', () => UpsertFeatureInput) input: UpsertFeatureInput) { return this.service.upsert(input); }

  @FieldResolver(() => [Field], { description: 'The dataset fields the feature is computed from.' })
  derivedFrom(@Root() f: Feature) { return this.service.derivedFrom(f.id); }
}

/** Adds `features` to the dataset module's Field type: the reverse of Feature.derivedFrom. */
@Resolver(() => Field)
export class FieldFeaturesResolver {
  constructor(private readonly service: FeatureService) {}

  @FieldResolver(() => [Feature], { description: 'The features computed from this field.' })
  features(@Root() f: Field) { return this.service.featuresOf(f.id); }
}

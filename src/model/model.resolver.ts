import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../common/connection';
import { ModelService } from './model.service';
import { ModelAliasService } from './model-alias.service';
import { Model, ModelAlias, ModelConnection, ModelFilter, ModelVersion, UpsertModelInput } from './model.types';

const AT = { nullable: true, description: 'When it took effect (default now); for backfills: after the latest change of the alias, not in the future.' } as const;

@Resolver(() => Model)
export class ModelResolver {
  constructor(private readonly service: ModelService, private readonly aliasService: ModelAliasService) {}

  @Query(() => Model, { description: 'A model by id.' })
  model(@Arg('id', () => ID) id: string) { return this.service.get(id); }

  @Query(() => Model, { description: 'A model by its name.' })
  modelByName(@Arg('name') name: string) { return this.service.byName(name); }

  @Query(() => ModelConnection)
  models(@Arg('filter', () => ModelFilter, { nullable: true }) filter?: ModelFilter,
         @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.list(filter, page); }

  @Mutation(() => Model, { description: 'Creates a model, or updates its description.' })
  upsertModel(@Arg('input', () => UpsertModelInput) input: UpsertModelInput) { return this.service.upsert(input); }

  @Mutation(() => ModelAlias, { description: 'Points an alias of a model at one of its versions, ending its previous assignment.' })
  setModelAlias(@Arg('model') model: string, @Arg('alias') alias: string, @Arg('version') version: string,
                @Arg('reason', () => String, { nullable: true }) reason?: string | null, @Arg('at', () => Date, AT) at?: Date) {
    return this.aliasService.setAlias(model, alias, version, { reason, at });
  }

  @Mutation(() => Model, { description: 'Ends an alias of a model at `at`, default now (it stays in aliasHistory).' })
  removeModelAlias(@Arg('model') model: string, @Arg('alias') alias: string, @Arg('at', () => Date, AT) at?: Date) {
    return this.aliasService.removeAlias(model, alias, at);
  }

  @FieldResolver(() => [ModelVersion], { description: 'Every version, newest first.' })
  versions(@Root() m: Model) { return this.service.versions(m.id); }

  @FieldResolver(() => [ModelAlias], { description: 'The aliases that hold now, by name.' })
  aliases(@Root() m: Model) { return this.aliasService.current(m.id); }

  @FieldResolver(() => [ModelAlias], { description: 'Every alias assignment ever made (of one alias, if named), newest first.' })
  aliasHistory(@Root() m: Model, @Arg('name', () => String, { nullable: true }) name?: string | null) {
    return this.aliasService.history(m.id, name ?? null);
  }
}

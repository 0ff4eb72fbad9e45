import { Arg, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../common/connection';
import { ModelVersion } from '../model/model.types';
import { EnsembleService } from './ensemble.service';
import {
  Ensemble, EnsembleConnection, EnsembleFilter, EnsembleMember, EnsembleMemberInput, UpsertEnsembleInput, WEIGHT_RULE,
} from './ensemble.types';
import { EnsembleStrategyInput } from './strategy.types';

@Resolver(() => Ensemble)
export class EnsembleResolver {
  constructor(private readonly service: EnsembleService) {}

  @Query(() => Ensemble, { description: 'An ensemble by name.' })
  ensemble(@Arg('name') name: string) { return this.service.get(name); }

  @Query(() => EnsembleConnection)
  ensembles(@Arg('filter', () => EnsembleFilter, { nullable: true }) filter?: EnsembleFilter,
            @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.list(filter, page); }

  @Mutation(() => Ensemble, { description: `Creates an ensemble or updates its description and membership. ${WEIGHT_RULE}` })
  upsertEnsemble(@Arg('input', () => UpsertEnsembleInput) input: UpsertEnsembleInput) { return this.service.upsert(input); }

  @Mutation(() => Ensemble, {
    description: 'Replaces the membership: members that left or changed weight are closed (to = now), new ones opened; '
      + `unchanged members stay open. The same membership again records nothing. ${WEIGHT_RULE}`,
  })
  setEnsembleMembers(@Arg('ensemble') ensemble: string,
                     @Arg('members', () => [EnsembleMemberInput]) members: EnsembleMemberInput[],
                     @Arg('reason', () => String, { nullable: true }) reason?: string,
                     @Arg('at', () => Date, { nullable: true, description: 'When it took effect (default now); for backfills.' }) at?: Date) {
    return this.service.setMembers(ensemble, { members, reason, at });
  }

  @Mutation(() => Ensemble, {
    description: 'Sets how the ensemble\'s weights follow the outcomes posted to it (recordOutcomes, POST /api/v1/outcomes): '
      + 'STATIC, HEDGE or WINDOWED, with a loss and parameters. Its learning starts afresh from the weights open now.',
  })
  setEnsembleStrategy(@Arg('ensemble') ensemble: string, @Arg('strategy', () => EnsembleStrategyInput) strategy: EnsembleStrategyInput) {
    return this.service.setStrategy(ensemble, strategy);
  }

  @FieldResolver(() => [EnsembleMember], { description: 'The members at asOf (default now), heaviest first.' })
  members(@Root() e: Ensemble, @Arg('asOf', () => Date, { nullable: true }) asOf?: Date) { return this.service.members(e.id, asOf); }

  @FieldResolver(() => [EnsembleMember], { description: 'Every membership the ensemble ever had, in the order they began.' })
  memberHistory(@Root() e: Ensemble) { return this.service.memberHistory(e.id); }
}

/** ModelVersion belongs to the model module; the ensembles a version is in are added here. */
@Resolver(() => ModelVersion)
export class ModelVersionEnsembleResolver {
  constructor(private readonly service: EnsembleService) {}

  @FieldResolver(() => [Ensemble], { description: 'The ensembles this version is a member of now.' })
  ensembles(@Root() mv: ModelVersion) { return this.service.ensemblesOf(mv); }
}

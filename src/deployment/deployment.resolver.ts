import { Arg, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../common/connection';
import { SUM_TOLERANCE } from '../common/shares';
import { Ensemble } from '../ensemble/ensemble.types';
import { ModelVersion } from '../model/model.types';
import { DeploymentService } from './deployment.service';
import {
  Deployment, DeploymentChange, DeploymentConnection, DeploymentFilter, DeploymentTargetInput, DeploymentServing, TrafficShareInput, UpsertDeploymentInput,
} from './deployment.types';

const REASON = { nullable: true, description: 'Why, as recorded in the history.' } as const;
const AT = {
  nullable: true, description: 'When it took effect (default now); for backfills: after the latest change, not before the target existed, not in the future.',
} as const;
const SAME = 'Serving exactly what is served now again records nothing; a retired deployment is a CONFLICT.';

@Resolver(() => Deployment)
export class DeploymentResolver {
  constructor(private readonly service: DeploymentService) {}

  @Query(() => Deployment, { description: 'A deployment by name.' })
  deployment(@Arg('name') name: string) { return this.service.get(name); }

  @Query(() => [DeploymentChange], { description: 'Every change of what a deployment served, with its time and reason, oldest first.' })
  async deploymentHistory(@Arg('deployment') deployment: string) { return this.service.history(await this.service.get(deployment)); }

  @Query(() => DeploymentConnection)
  deployments(@Arg('filter', () => DeploymentFilter, { nullable: true }) filter?: DeploymentFilter,
              @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.list(filter, page); }

  @Mutation(() => Deployment, { description: 'Creates a deployment, or updates its environment and endpoint.' })
  upsertDeployment(@Arg('input', () => UpsertDeploymentInput) input: UpsertDeploymentInput) { return this.service.upsert(input); }

  @Mutation(() => Deployment, { description: `Serves one target with all traffic, ending what was served before. ${SAME}` })
  deploy(@Arg('deployment') deployment: string, @Arg('target', () => DeploymentTargetInput) target: DeploymentTargetInput,
         @Arg('reason', () => String, REASON) reason?: string, @Arg('at', () => Date, AT) at?: Date) {
    return this.service.deploy(deployment, target, { reason, at });
  }

  @Mutation(() => Deployment, { description: `Splits traffic: shares in (0, 1] summing to 1 (within ${SUM_TOLERANCE}) replace what was served. ${SAME}` })
  shiftTraffic(@Arg('deployment') deployment: string, @Arg('shares', () => [TrafficShareInput]) shares: TrafficShareInput[],
               @Arg('reason', () => String, REASON) reason?: string, @Arg('at', () => Date, AT) at?: Date) {
    return this.service.shiftTraffic(deployment, shares, { reason, at });
  }

  @Mutation(() => Deployment, { description: 'Stops serving anything and retires the deployment (again: no change).' })
  undeploy(@Arg('deployment') deployment: string,
           @Arg('reason', () => String, REASON) reason?: string, @Arg('at', () => Date, AT) at?: Date) {
    return this.service.undeploy(deployment, { reason, at });
  }

  @FieldResolver(() => [DeploymentServing], { description: 'What it served at asOf (default now), largest share first.' })
  serving(@Root() d: Deployment, @Arg('asOf', () => Date, { nullable: true }) asOf?: Date) { return this.service.serving(d.id, asOf); }

  @FieldResolver(() => [DeploymentChange], { description: 'Every change of what it serves, oldest first, ending with its retirement.' })
  history(@Root() d: Deployment) { return this.service.history(d); }
}

/** Deployment fields on types other modules own. */
@Resolver(() => ModelVersion)
export class ModelVersionDeploymentResolver {
  constructor(private readonly service: DeploymentService) {}

  @FieldResolver(() => [Deployment], { description: 'The deployments serving this version directly now.' })
  deployments(@Root() mv: ModelVersion) { return this.service.servingModelVersion(mv); }
}

@Resolver(() => Ensemble)
export class EnsembleDeploymentResolver {
  constructor(private readonly service: DeploymentService) {}

  @FieldResolver(() => [Deployment], { description: 'The deployments serving this ensemble now.' })
  deployments(@Root() e: Ensemble) { return this.service.servingEnsemble(e); }
}

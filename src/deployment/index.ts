import { Module } from '../app/container';
import { EnsembleService } from '../ensemble/ensemble.service';
import { ModelVersionService } from '../model/model-version.service';
import { DeploymentRepository } from './deployment.repository';
import { DeploymentResolver, EnsembleDeploymentResolver, ModelVersionDeploymentResolver } from './deployment.resolver';
import { DeploymentService } from './deployment.service';

/** Deployments serving model versions and ensembles; needs the model and ensemble modules before it. */
export const deploymentModule: Module = {
  name: 'deployment',
  resolvers: [DeploymentResolver, ModelVersionDeploymentResolver, EnsembleDeploymentResolver],
  register(c) {
    const service = c.set(DeploymentService, new DeploymentService(
      new DeploymentRepository(c.db), c.db, c.get(EnsembleService), c.get(ModelVersionService), c.config.maxPageSize));
    c.set(DeploymentResolver, new DeploymentResolver(service));
    c.set(ModelVersionDeploymentResolver, new ModelVersionDeploymentResolver(service));
    c.set(EnsembleDeploymentResolver, new EnsembleDeploymentResolver(service));
  },
};

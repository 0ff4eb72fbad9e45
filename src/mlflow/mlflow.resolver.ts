import { FieldResolver, Resolver, Root } from 'type-graphql';
import { indexBy, requestLoader } from '../db/request-scope';
import { ModelVersion } from '../model/model.types';
import { MlflowRepository } from './mlflow.repository';
import { ModelVersionSource } from './mlflow.types';

/** ModelVersion.source: what MLflow says of a synced version (one batched read per request). */
@Resolver(() => ModelVersion)
export class ModelVersionSourceResolver {
  constructor(private readonly repo: MlflowRepository) {}

  @FieldResolver(() => ModelVersionSource, { nullable: true, description: 'The registry it was synced from (MLflow) and what it says of it; null for a version registered here.' })
  source(@Root() v: ModelVersion): Promise<ModelVersionSource | null> {
    return requestLoader<string, ModelVersionSource | null>('modelVersion.source', async (ids) =>
      indexBy(ids, await this.repo.versionSources(ids), (s) => s.id)).load(v.id);
  }
}

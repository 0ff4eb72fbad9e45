import { Module } from '../app/container';
import { every } from '../common/periodic';
import { log } from '../common/log';
import { DatasetService } from '../dataset/dataset.service';
import { MetricsRepository } from '../metrics/metrics.repository';
import { MetricsService } from '../metrics/metrics.service';
import { ModelAliasService } from '../model/model-alias.service';
import { ModelService } from '../model/model.service';
import { ModelVersionService } from '../model/model-version.service';
import { RunService } from '../run/run.service';
import { MlflowClient } from './mlflow.client';
import { MlflowRepository } from './mlflow.repository';
import { MlflowSyncService } from './mlflow-sync.service';
import { ModelVersionSourceResolver } from './mlflow.resolver';
import { FeatureService } from '../feature/feature.service';

/**
 * MLflow: its registry synced into the graph (mlflow-sync.service.ts), by `modelgraph sync mlflow`
 * and, when MLFLOW_TRACKING_URI is set, by the service every MODELGRAPH_MLFLOW_SYNC_INTERVAL_S.
 */
export const mlflowModule: Module = {
  name: 'mlflow',
  resolvers: [ModelVersionSourceResolver],
  register(c) {
    const repo = new MlflowRepository(c.db);
    c.set(ModelVersionSourceResolver, new ModelVersionSourceResolver(repo));
    c.set(MlflowSyncService, new MlflowSyncService(repo, {
      models: c.get(ModelService), features: c.get(FeatureService), versions: c.get(ModelVersionService), aliases: c.get(ModelAliasService), runs: c.get(RunService),
      datasets: c.get(DatasetService), metrics: new MetricsService(new MetricsRepository(c.db), c.db),
    }));
  },
  start(c) {
    const { trackingUri, syncIntervalMs } = c.config.mlflow;
    if (!trackingUri) return undefined;
    const client = new MlflowClient(trackingUri);
    return every(syncIntervalMs, 'mlflow sync', async () => {
      log.info({ mlflow: trackingUri, ...(await c.get(MlflowSyncService).sync(client)) }, 'mlflow sync done');
    }, 1_000);
  },
};

import { Module } from './app/container';
import { datasetModule } from './dataset';
import { featureModule } from './feature';
import { metricsModule } from './metrics';
import { modelModule } from './model';
import { runModule } from './run';
import { ensembleModule } from './ensemble';
import { deploymentModule } from './deployment';
import { systemModule } from './system';
import { authModule } from './auth';
import { auditModule } from './audit';
import { openLineageModule } from './openlineage';
import { lineageModule } from './lineage';
import { dataChangeModule } from './datachange';
import { outcomesModule } from './ensemble/outcomes';
import { alertModule } from './alert';
import { mlflowModule } from './mlflow';

/** Every feature of the API, in dependency order (a module may use the services of those before it). */
export const modules: Module[] = [
  systemModule,
  authModule, // API keys; enforced in src/app/server.ts
  auditModule, // the audit trail of mutations
  datasetModule,
  featureModule,
  modelModule,
  runModule,
  ensembleModule,
  deploymentModule,
  metricsModule,
  outcomesModule, // recordOutcomes, POST /api/v1/outcomes: ensembles that learn their weights
  openLineageModule, // POST /api/v1/lineage: OpenLineage ingestion
  lineageModule, // impact, provenance, lineage
  dataChangeModule, // dataChangeImpact: data change × served models
  alertModule, // alert rules on metric series, webhooks, subscriptions (after metrics)
  mlflowModule, // MLflow registry sync (scheduled when MLFLOW_TRACKING_URI is set)
];

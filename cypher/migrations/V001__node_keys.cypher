// Version 1 of the graph model: a stable id and a unique natural key for every node label.
// Every statement is idempotent (IF NOT EXISTS), so re-running a partly applied file is safe.
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE (n.namespace, n.name) IS UNIQUE;
CREATE CONSTRAINT dataset_version_id IF NOT EXISTS FOR (n:DatasetVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_version_key IF NOT EXISTS FOR (n:DatasetVersion) REQUIRE (n.datasetId, n.version) IS UNIQUE;
CREATE CONSTRAINT field_id IF NOT EXISTS FOR (n:Field) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT field_key IF NOT EXISTS FOR (n:Field) REQUIRE (n.datasetVersionId, n.name) IS UNIQUE;
CREATE CONSTRAINT feature_id IF NOT EXISTS FOR (n:Feature) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT feature_key IF NOT EXISTS FOR (n:Feature) REQUIRE (n.namespace, n.name) IS UNIQUE;
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_key IF NOT EXISTS FOR (n:Job) REQUIRE (n.namespace, n.name) IS UNIQUE;
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (n:Run) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT run_key IF NOT EXISTS FOR (n:Run) REQUIRE n.runId IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_key IF NOT EXISTS FOR (n:Model) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT model_version_id IF NOT EXISTS FOR (n:ModelVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_version_key IF NOT EXISTS FOR (n:ModelVersion) REQUIRE (n.modelId, n.version) IS UNIQUE;
CREATE CONSTRAINT ensemble_id IF NOT EXISTS FOR (n:Ensemble) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ensemble_key IF NOT EXISTS FOR (n:Ensemble) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT deployment_id IF NOT EXISTS FOR (n:Deployment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT deployment_key IF NOT EXISTS FOR (n:Deployment) REQUIRE n.name IS UNIQUE;
// Lookups and orderings the API makes often: versions by time (what was current when).
CREATE INDEX dataset_version_created IF NOT EXISTS FOR (n:DatasetVersion) ON (n.createdAt);
CREATE INDEX model_version_created IF NOT EXISTS FOR (n:ModelVersion) ON (n.createdAt);
CREATE INDEX run_started IF NOT EXISTS FOR (n:Run) ON (n.startedAt);

// Single-property indexes for the lookups that name only the first property of a composite key
// (the large-graph benchmark found them). Neo4j seeks a composite (a, b) index only when both
// properties are in the predicate, so `MATCH (v:DatasetVersion {datasetId: $id})` — every DataLoader behind a
// relationship field, OpenLineage's read-inputs — was a label scan: at a million nodes,
// `fields-of` read every Field for each version asked about. Every statement is idempotent.
CREATE INDEX dataset_version_dataset_id IF NOT EXISTS FOR (n:DatasetVersion) ON (n.datasetId);
CREATE INDEX field_dataset_version_id IF NOT EXISTS FOR (n:Field) ON (n.datasetVersionId);
CREATE INDEX model_version_model_id IF NOT EXISTS FOR (n:ModelVersion) ON (n.modelId);
CREATE INDEX run_job_id IF NOT EXISTS FOR (n:Run) ON (n.jobId);
CREATE INDEX metric_bucket_series_id IF NOT EXISTS FOR (n:MetricBucket) ON (n.seriesId);

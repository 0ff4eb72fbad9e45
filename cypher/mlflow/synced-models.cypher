// The models with versions synced from this MLflow server (a model deleted there is noticed so).
// @param trackingUri: string
// @returns model: string
MATCH (m:Model)<-[:VERSION_OF]-(:ModelVersion {mlflowTrackingUri: $trackingUri})
RETURN DISTINCT m.name AS model

// Versions synced from this MLflow server that it no longer lists: marked deleted (when it was
// noticed), never removed: deployments, lineage and history that name them stay intact.
// @param model: string
// @param trackingUri: string
// @param present: string[]
// @returns marked: Integer
MATCH (:Model {name: $model})<-[:VERSION_OF]-(mv:ModelVersion {mlflowTrackingUri: $trackingUri})
WHERE NOT mv.version IN $present AND mv.mlflowDeletedAt IS NULL
SET mv.mlflowDeletedAt = datetime()
RETURN count(mv) AS marked

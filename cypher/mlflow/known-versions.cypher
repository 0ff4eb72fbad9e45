// The versions of a model already in the graph, with what the last sync saw of each in MLflow
// (its last_updated_timestamp; null for a version registered otherwise): a sync skips unchanged ones.
// @param model: string
// @returns version: string
// @returns mlflowLastUpdated: number | null
// @returns mlflowDeleted: boolean
MATCH (:Model {name: $model})<-[:VERSION_OF]-(mv:ModelVersion)
RETURN mv.version AS version, mv.mlflowLastUpdated AS mlflowLastUpdated, mv.mlflowDeletedAt IS NOT NULL AS mlflowDeleted

// For each model id: its aliases that hold now (to IS NULL), by name.
// @param modelIds: string[]
UNWIND $modelIds AS modelId
MATCH (:Model {id: modelId})-[a:ALIAS]->(mv:ModelVersion)
WHERE a.to IS NULL
RETURN modelId, a {.*} AS alias, mv {.*} AS modelVersion
ORDER BY a.name

// For each model id: every alias assignment ever made (of one name, when $name is given), newest first.
// @param modelIds: string[]
// @param name: string | null
UNWIND $modelIds AS modelId
MATCH (:Model {id: modelId})-[a:ALIAS]->(mv:ModelVersion)
WHERE $name IS NULL OR a.name = $name
RETURN modelId, a {.*} AS alias, mv {.*} AS modelVersion
ORDER BY a.from DESC, a.name

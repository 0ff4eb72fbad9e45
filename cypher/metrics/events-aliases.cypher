// Alias moves within [$from, $to) on the models of these model versions: an ALIAS opened then.
// @param modelVersionIds: string[]
// @param from: Date
// @param to: Date
// @returns model: string
// @returns alias: string
// @returns at: Date
// @returns modelVersionId: string
// @returns version: string
UNWIND $modelVersionIds AS id
MATCH (:ModelVersion {id: id})-[:VERSION_OF]->(m:Model)
WITH DISTINCT m
MATCH (m)-[a:ALIAS]->(v:ModelVersion)
WHERE a.from >= $from AND a.from < $to
RETURN m.name AS model, a.name AS alias, a.from AS at, v.id AS modelVersionId, v.version AS version

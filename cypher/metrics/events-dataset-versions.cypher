// New versions, created within [$from, $to), of the datasets these model versions depend on:
// trained on a version of, or using a feature derived from a field of.
// @param modelVersionIds: string[]
// @param from: Date
// @param to: Date
// @returns namespace: string
// @returns dataset: string
// @returns version: string
// @returns datasetVersionId: string
// @returns at: Date
// @returns trainedOn: boolean
UNWIND $modelVersionIds AS id
MATCH (mv:ModelVersion {id: id})
CALL (mv) {
  MATCH (mv)-[:TRAINED_ON]->(:DatasetVersion)-[:VERSION_OF]->(d:Dataset) RETURN d
  UNION
  MATCH (mv)-[:USES_FEATURE]->(:Feature)-[:DERIVED_FROM]->(:Field)<-[:HAS_FIELD]-(:DatasetVersion)-[:VERSION_OF]->(d:Dataset) RETURN d
}
WITH DISTINCT d
MATCH (d)<-[:VERSION_OF]-(v:DatasetVersion)
WHERE v.createdAt >= $from AND v.createdAt < $to
RETURN d.namespace AS namespace, d.name AS dataset, v.version AS version, v.id AS datasetVersionId, v.createdAt AS at,
       EXISTS { MATCH (t:ModelVersion)-[:TRAINED_ON]->(v) WHERE t.id IN $modelVersionIds } AS trainedOn

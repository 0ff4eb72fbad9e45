// New versions, created within [$from, $to), of these datasets (those upstream of the target's
// model versions, found by the lineage traversal), each saying whether one of the model versions
// $modelVersionIds trained on it directly.
// @param datasetIds: string[]
// @param modelVersionIds: string[]
// @param from: Date
// @param to: Date
// @returns namespace: string
// @returns dataset: string
// @returns version: string
// @returns datasetVersionId: string
// @returns at: Date
// @returns trainedOn: boolean
UNWIND $datasetIds AS datasetId
MATCH (d:Dataset {id: datasetId})<-[:VERSION_OF]-(v:DatasetVersion)
WHERE v.createdAt >= $from AND v.createdAt < $to
RETURN d.namespace AS namespace, d.name AS dataset, v.version AS version, v.id AS datasetVersionId, v.createdAt AS at,
       EXISTS { MATCH (t:ModelVersion)-[:TRAINED_ON]->(v) WHERE t.id IN $modelVersionIds } AS trainedOn

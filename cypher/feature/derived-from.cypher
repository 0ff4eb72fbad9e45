// For each feature id: the fields it is derived from, by field name.
// Only the edges that hold now (to IS NULL): a closed one is history.
// @param featureIds: string[]
// @returns featureId: string
// @returns field: { id: string; datasetVersionId: string; name: string; type?: string; description?: string; profile?: string; position: number }
UNWIND $featureIds AS featureId
MATCH (:Feature {id: featureId})-[r:DERIVED_FROM]->(x:Field)
WHERE r.to IS NULL
RETURN featureId, x {.*} AS field
ORDER BY x.name, x.datasetVersionId

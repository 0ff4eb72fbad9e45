// For each feature id: the fields it is derived from, by field name.
// @param featureIds: string[]
// @returns featureId: string
// @returns field: { id: string; datasetVersionId: string; name: string; type?: string; description?: string; profile?: string; position: number }
UNWIND $featureIds AS featureId
MATCH (:Feature {id: featureId})-[:DERIVED_FROM]->(x:Field)
RETURN featureId, x {.*} AS field
ORDER BY x.name, x.datasetVersionId

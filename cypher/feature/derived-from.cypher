// For each feature id: the fields it is derived from, by field name.
// @param featureIds: string[]
UNWIND $featureIds AS featureId
MATCH (:Feature {id: featureId})-[:DERIVED_FROM]->(x:Field)
RETURN featureId, x {.*} AS field
ORDER BY x.name, x.datasetVersionId

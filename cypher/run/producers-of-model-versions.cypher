// For each model version id: the run that trained it, if recorded.
// @param modelVersionIds: string[]
UNWIND $modelVersionIds AS modelVersionId
MATCH (:ModelVersion {id: modelVersionId})-[:PRODUCED_BY]->(r:Run)
RETURN modelVersionId, r {.*} AS run

// For each given model version: every feature it uses, with its importance, and the names of the
// columns of dataset $datasetId the feature is computed from — through a Feature-[:DERIVED_FROM]->Field
// edge and any chain of Field-[:DERIVED_FROM]->Field after it (up to 20 hops), to a field of any
// version of the dataset. Columns are named, not versioned: a field is a column of its dataset, and
// another version's field of the same name is the same column. Features with no such column come
// back with an empty list (the model version uses them, but not this dataset's columns). A feature's
// closed DERIVED_FROM edges (to set: fields it was derived from before a change) are history.
// @param modelVersionIds: string[]
// @param datasetId: string
// @returns modelVersionId: string
// @returns featureId: string
// @returns feature: string
// @returns importance: number
// @returns columns: string[]
UNWIND $modelVersionIds AS modelVersionId
MATCH (:ModelVersion {id: modelVersionId})-[u:USES_FEATURE]->(fe:Feature)
RETURN modelVersionId, fe.id AS featureId, fe.namespace + '/' + fe.name AS feature, coalesce(u.importance, 0.0) AS importance,
  COLLECT {
    MATCH (fe)-[fd:DERIVED_FROM WHERE fd.to IS NULL]->(:Field)-[:DERIVED_FROM*0..20]->(source:Field)<-[:HAS_FIELD]-(:DatasetVersion)-[:VERSION_OF]->(:Dataset {id: $datasetId})
    RETURN DISTINCT source.name ORDER BY source.name
  } AS columns
ORDER BY modelVersionId, feature

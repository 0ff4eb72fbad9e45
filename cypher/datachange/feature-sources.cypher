// For each given model version: every feature it uses, with its importance, and the names of the
// columns of dataset $datasetId the feature is computed from — through a Feature-[:DERIVED_FROM]->Field
// edge and any chain of Field-[:DERIVED_FROM]->Field after it (up to 20 hops), to a field of any
// version of the dataset. Columns are named, not versioned: a field is a column of its dataset, and
// another version's field of the same name is the same column. Features with no such column come
// back with an empty list (the model version uses them, but not this dataset's columns).
// As the graph stood at $asOf (null: now): nodes created after it are left out, and so are lineage
// edges whose interval (from/to, where they carry one) does not hold at it: a feature's closed
// DERIVED_FROM edges (fields it was derived from before a change) are history.
// @param modelVersionIds: string[]
// @param datasetId: string
// @param asOf: Date | null
// @returns modelVersionId: string
// @returns featureId: string
// @returns feature: string
// @returns importance: number
// @returns columns: string[]
WITH coalesce($asOf, datetime()) AS t
UNWIND $modelVersionIds AS modelVersionId
MATCH (:ModelVersion {id: modelVersionId})-[u:USES_FEATURE]->(fe:Feature)
WHERE $asOf IS NULL OR fe.createdAt IS NULL OR fe.createdAt <= $asOf
RETURN modelVersionId, fe.id AS featureId, fe.namespace + '/' + fe.name AS feature, coalesce(u.importance, 0.0) AS importance,
  COLLECT {
    MATCH (fe)-[d:DERIVED_FROM]->(:Field)-[chain:DERIVED_FROM*0..20]->(source:Field)<-[:HAS_FIELD]-(v:DatasetVersion)-[:VERSION_OF]->(:Dataset {id: $datasetId})
    WHERE ($asOf IS NULL OR v.createdAt IS NULL OR v.createdAt <= $asOf)
      AND all(r IN [d] + chain WHERE (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t))
    RETURN DISTINCT source.name ORDER BY source.name
  } AS columns
ORDER BY modelVersionId, feature

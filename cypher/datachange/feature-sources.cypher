// For each given model version: every feature it uses, with its importance, and the names of the
// columns of dataset $datasetId the feature is computed from — through a Feature-[:DERIVED_FROM]->Field
// edge and any chain of Field-[:DERIVED_FROM]->Field after it (up to 20 hops), to a field of any
// version of the dataset. Columns are named, not versioned: a field is a column of its dataset, and
// another version's field of the same name is the same column. Features with no such column come
// back with an empty list (the model version uses them, but not this dataset's columns).
// As the graph stood at $asOf (null: now): nodes created after it are left out, and so are lineage
// edges whose interval (from/to, where they carry one) does not hold at it: a feature's closed
// DERIVED_FROM edges (fields it was derived from before a change) are history. Column lineage
// withdrawn (retractedAt: OpenLineage re-bound the read it came from) is not followed, as in
// fieldDerivations and the traversals when knowledge is current.
// How, and why so: each distinct feature's upstream fields are walked once (model versions share
// features), as a set — `WITH DISTINCT source` right after the walk lets Neo4j expand breadth-first
// and visit each field once (VarLengthExpand(Pruning,BFS)) instead of enumerating every path — and
// only then kept if they belong to one of the dataset's versions (collected once, up front). Written
// as one pattern from the feature to the dataset, Neo4j started at the dataset and tried every path
// between every pair of fields: 2.3–2.9 s for 20 model versions on the large bench graph, ~40 ms so.
// @param modelVersionIds: string[]
// @param datasetId: string
// @param asOf: Date | null
// @returns modelVersionId: string
// @returns featureId: string
// @returns feature: string
// @returns importance: number
// @returns columns: string[]
WITH coalesce($asOf, datetime()) AS t,
  COLLECT {
    MATCH (:Dataset {id: $datasetId})<-[:VERSION_OF]-(v:DatasetVersion)
    WHERE $asOf IS NULL OR v.createdAt IS NULL OR v.createdAt <= $asOf
    RETURN v
  } AS versions
UNWIND $modelVersionIds AS modelVersionId
MATCH (:ModelVersion {id: modelVersionId})-[u:USES_FEATURE]->(fe:Feature)
WHERE $asOf IS NULL OR fe.createdAt IS NULL OR fe.createdAt <= $asOf
WITH t, versions, fe, collect({modelVersionId: modelVersionId, importance: coalesce(u.importance, 0.0)}) AS uses
WITH fe, uses, COLLECT {
    MATCH (fe)-[d:DERIVED_FROM]->(first:Field)
    WHERE (d.from IS NULL OR d.from <= t) AND (d.to IS NULL OR d.to > t)
    MATCH (first)-[chain:DERIVED_FROM*0..20]->(source:Field)
    WHERE all(r IN chain WHERE r.retractedAt IS NULL AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t))
    WITH DISTINCT source
    MATCH (source)<-[:HAS_FIELD]-(v:DatasetVersion)
    WHERE v IN versions
    RETURN DISTINCT source.name ORDER BY source.name
  } AS columns
UNWIND uses AS use
RETURN use.modelVersionId AS modelVersionId, fe.id AS featureId, fe.namespace + '/' + fe.name AS feature, use.importance AS importance, columns
ORDER BY modelVersionId, feature

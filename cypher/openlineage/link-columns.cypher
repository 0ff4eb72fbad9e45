// Column lineage: each output field (on the version the run wrote) DERIVED_FROM its input field on
// the newest version of the input dataset the run read, as replaying the batch bound them; grouped
// by (output version, input version). Input fields a placeholder version lacked were added by
// write-placeholders; a field a version does not have links nothing. The edge keeps the
// transformations (`transformations`: JSON list of {type, subtype, description, masking}; the
// readable `transformation`, `description`); an edge in force is updated, else one is created.
// @param links: { outputVersionId: string; inputVersionId: string; fields: { outputField: string; inputField: string; transformation: string | null; description: string | null; transformations: string }[] }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $links AS link
UNWIND link.fields AS e
MATCH (out:Field {datasetVersionId: link.outputVersionId, name: e.outputField})
MATCH (f:Field {datasetVersionId: link.inputVersionId, name: e.inputField})
OPTIONAL MATCH (out)-[current:DERIVED_FROM WHERE current.retractedAt IS NULL]->(f)
CALL (out, f, current, e) {
  WITH * WHERE current IS NULL
  CREATE (out)-[created:DERIVED_FROM]->(f)
  SET created.recordedAt = datetime(), created.transformation = e.transformation, created.description = e.description, created.transformations = e.transformations
}
CALL (current, e) {
  WITH * WHERE current IS NOT NULL
  SET current.transformation = e.transformation, current.description = e.description, current.transformations = e.transformations
}

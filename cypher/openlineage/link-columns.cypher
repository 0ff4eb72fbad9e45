// Column lineage: each output field (on the version the run wrote) DERIVED_FROM its input field on
// the version of the input dataset the run had read (the newest, when the event came), as replaying
// the batch chose them; grouped by (output version, input version). Input fields a placeholder
// version lacked were added by write-placeholders; a field a version does not have links nothing.
// @param links: { outputVersionId: string; inputVersionId: string; fields: { outputField: string; inputField: string; transformation: string | null; description: string | null }[] }[]
UNWIND $links AS link
UNWIND link.fields AS e
MATCH (out:Field {datasetVersionId: link.outputVersionId, name: e.outputField})
MATCH (f:Field {datasetVersionId: link.inputVersionId, name: e.inputField})
MERGE (out)-[d:DERIVED_FROM]->(f)
SET d.transformation = e.transformation, d.description = e.description

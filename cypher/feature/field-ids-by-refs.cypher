// For each field reference (by id, or by dataset namespace + name + version + field name): its
// position in $refs and the id of the field it names (null when there is none).
// @param refs: { id: string | null; namespace: string | null; name: string | null; version: string | null; field: string | null }[]
// @returns index: Integer
// @returns fieldId: string | null
UNWIND range(0, size($refs) - 1) AS index
WITH index, $refs[index] AS ref
OPTIONAL MATCH (byId:Field {id: ref.id})
OPTIONAL MATCH (:Dataset {namespace: ref.namespace, name: ref.name})<-[:VERSION_OF]-(:DatasetVersion {version: ref.version})
               -[:HAS_FIELD]->(byKey:Field {name: ref.field})
RETURN index, coalesce(byId, byKey).id AS fieldId
ORDER BY index

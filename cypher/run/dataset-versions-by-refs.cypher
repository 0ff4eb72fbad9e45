// For each dataset version ref (by position): the id of the version it names, or null.
// @param refs: { id: string | null; namespace: string | null; name: string | null; version: string | null }[]
// @returns i: Integer
// @returns id: string | null
UNWIND range(0, size($refs) - 1) AS i
WITH i, $refs[i] AS ref
OPTIONAL MATCH (byId:DatasetVersion {id: ref.id})
OPTIONAL MATCH (:Dataset {namespace: ref.namespace, name: ref.name})<-[:VERSION_OF]-(byKey:DatasetVersion {version: ref.version})
RETURN i, coalesce(byId, byKey).id AS id
ORDER BY i

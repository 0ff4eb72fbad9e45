// For each dataset version reference (by id, or by dataset namespace + name + version): its
// position in $refs and the id of the version it names (null when there is none).
// @param refs: { id: string | null; namespace: string | null; name: string | null; version: string | null }[]
// @returns index: Integer
// @returns datasetVersionId: string | null
UNWIND range(0, size($refs) - 1) AS index
WITH index, $refs[index] AS ref
OPTIONAL MATCH (byId:DatasetVersion {id: ref.id})
OPTIONAL MATCH (:Dataset {namespace: ref.namespace, name: ref.name})<-[:VERSION_OF]-(byKey:DatasetVersion {version: ref.version})
RETURN index, coalesce(byId, byKey).id AS datasetVersionId
ORDER BY index

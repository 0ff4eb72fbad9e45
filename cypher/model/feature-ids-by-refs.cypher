// For each feature reference (by id, or by namespace + name): its position in $refs and the id
// of the feature it names (null when there is none).
// @param refs: { id: string | null; namespace: string | null; name: string | null }[]
// @returns index: Integer
// @returns featureId: string | null
UNWIND range(0, size($refs) - 1) AS index
WITH index, $refs[index] AS ref
OPTIONAL MATCH (byId:Feature {id: ref.id})
OPTIONAL MATCH (byKey:Feature {namespace: ref.namespace, name: ref.name})
RETURN index, coalesce(byId, byKey).id AS featureId
ORDER BY index

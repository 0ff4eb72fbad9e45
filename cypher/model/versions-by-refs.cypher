// For each model version ref (by position): the version it names (by id, or model name + version), or null.
// @param refs: { id: string | null; model: string | null; version: string | null }[]
// @returns i: Integer
// @returns version: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string } | null
UNWIND range(0, size($refs) - 1) AS i
WITH i, $refs[i] AS ref
OPTIONAL MATCH (byId:ModelVersion {id: ref.id})
OPTIONAL MATCH (:Model {name: ref.model})<-[:VERSION_OF]-(byKey:ModelVersion {version: ref.version})
WITH i, coalesce(byId, byKey) AS mv
RETURN i, mv {.*} AS version
ORDER BY i

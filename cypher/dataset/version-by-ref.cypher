// A dataset version by id, or by (namespace, name, version).
// @param id: string | null
// @param namespace: string | null
// @param name: string | null
// @param version: string | null
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
OPTIONAL MATCH (byId:DatasetVersion {id: $id})
OPTIONAL MATCH (:Dataset {namespace: $namespace, name: $name})<-[:VERSION_OF]-(byKey:DatasetVersion {version: $version})
WITH coalesce(byId, byKey) AS v
WHERE v IS NOT NULL
RETURN v {.*} AS version

// For each model id: its aliases that hold now (to IS NULL), by name.
// @param modelIds: string[]
// @returns modelId: string
// @returns alias: { name: string; from: Date; to?: Date; reason?: string }
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $modelIds AS modelId
MATCH (:Model {id: modelId})-[a:ALIAS]->(mv:ModelVersion)
WHERE a.to IS NULL
RETURN modelId, a {.*} AS alias, mv {.*} AS modelVersion
ORDER BY a.name

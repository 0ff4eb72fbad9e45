// For each model id: every alias assignment ever made (of one name, when $name is given), newest first.
// @param modelIds: string[]
// @param name: string | null
// @returns modelId: string
// @returns alias: { name: string; from: Date; to?: Date; reason?: string }
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $modelIds AS modelId
MATCH (:Model {id: modelId})-[a:ALIAS]->(mv:ModelVersion)
WHERE $name IS NULL OR a.name = $name
RETURN modelId, a {.*} AS alias, mv {.*} AS modelVersion
ORDER BY a.from DESC, a.name

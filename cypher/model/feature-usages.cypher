// For each feature id: the model versions that use it, with the importance they give it; newest first.
// @param featureIds: string[]
// @returns featureId: string
// @returns importance: number
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $featureIds AS featureId
MATCH (:Feature {id: featureId})<-[u:USES_FEATURE]-(mv:ModelVersion)
RETURN featureId, u.importance AS importance, mv {.*} AS modelVersion
ORDER BY mv.createdAt DESC, mv.version DESC

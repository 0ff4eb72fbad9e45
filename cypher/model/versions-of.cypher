// For each model id: its versions, newest first.
// @param modelIds: string[]
// @returns version: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $modelIds AS modelId
MATCH (mv:ModelVersion {modelId: modelId})
RETURN mv {.*} AS version
ORDER BY mv.createdAt DESC, mv.version DESC

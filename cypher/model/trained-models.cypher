// For each dataset version id: the model versions trained on it, with the role it played; newest first.
// @param datasetVersionIds: string[]
// @returns datasetVersionId: string
// @returns role: string
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $datasetVersionIds AS datasetVersionId
MATCH (:DatasetVersion {id: datasetVersionId})<-[t:TRAINED_ON]-(mv:ModelVersion)
RETURN datasetVersionId, t.role AS role, mv {.*} AS modelVersion
ORDER BY mv.createdAt DESC, mv.version DESC

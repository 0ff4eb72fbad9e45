// For each model id: its versions, newest first.
// @param modelIds: string[]
UNWIND $modelIds AS modelId
MATCH (mv:ModelVersion {modelId: modelId})
RETURN mv {.*} AS version
ORDER BY mv.createdAt DESC, mv.version DESC

// For each dataset id: its versions, newest first, each with the dataset id it belongs to.
// @param datasetIds: string[]
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
UNWIND $datasetIds AS datasetId
MATCH (v:DatasetVersion {datasetId: datasetId})
RETURN v {.*} AS version
ORDER BY v.createdAt DESC, v.version DESC

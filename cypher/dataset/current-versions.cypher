// For each dataset id: the version current at $asOf (the newest created at or before it).
// @param datasetIds: string[]
// @param asOf: Date
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
UNWIND $datasetIds AS datasetId
CALL (datasetId) {
  MATCH (v:DatasetVersion {datasetId: datasetId})
  WHERE v.createdAt <= $asOf
  RETURN v ORDER BY v.createdAt DESC LIMIT 1
}
RETURN v {.*} AS version

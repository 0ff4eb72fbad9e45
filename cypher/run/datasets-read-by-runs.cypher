// For each run id: the dataset versions it read (its inputs).
// @param runIds: string[]
// @returns runId: string
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
UNWIND $runIds AS runId
MATCH (:Run {runId: runId})-[:READ]->(v:DatasetVersion)
RETURN runId, v {.*} AS version
ORDER BY v.createdAt, v.id

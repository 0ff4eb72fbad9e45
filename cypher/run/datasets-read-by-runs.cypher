// For each run id: the dataset versions it read (its inputs). A READ withdrawn because the input's
// version arrived late (OpenLineage events out of order) is history, not an input: left out.
// @param runIds: string[]
// @returns runId: string
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
UNWIND $runIds AS runId
MATCH (:Run {runId: runId})-[read:READ]->(v:DatasetVersion)
WHERE read.retractedAt IS NULL
RETURN runId, v {.*} AS version
ORDER BY v.createdAt, v.id

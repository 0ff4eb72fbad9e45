// For each run id: the dataset versions it read (its inputs).
// @param runIds: string[]
UNWIND $runIds AS runId
MATCH (:Run {runId: runId})-[:READ]->(v:DatasetVersion)
RETURN runId, v {.*} AS version
ORDER BY v.createdAt, v.id

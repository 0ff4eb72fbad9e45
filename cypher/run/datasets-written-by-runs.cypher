// For each run id: the dataset versions it wrote (its outputs).
// @param runIds: string[]
UNWIND $runIds AS runId
MATCH (:Run {runId: runId})-[:WROTE]->(v:DatasetVersion)
RETURN runId, v {.*} AS version
ORDER BY v.createdAt, v.id

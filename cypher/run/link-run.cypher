// Adds a run's READ/WROTE edges to dataset versions and its CHILD_OF edge (MERGE: repeats are no-ops).
// @param runId: string
// @param inputIds: string[]
// @param outputIds: string[]
// @param parentRunId: string | null
// @returns runId: string
MATCH (r:Run {runId: $runId})
CALL (r) {
  UNWIND $inputIds AS id
  MATCH (v:DatasetVersion {id: id})
  MERGE (r)-[:READ]->(v)
}
CALL (r) {
  UNWIND $outputIds AS id
  MATCH (v:DatasetVersion {id: id})
  MERGE (r)-[:WROTE]->(v)
}
CALL (r) {
  MATCH (p:Run {runId: $parentRunId})
  MERGE (r)-[:CHILD_OF]->(p)
}
RETURN r.runId AS runId

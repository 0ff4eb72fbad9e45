// Adds a run's READ/WROTE edges to dataset versions and its CHILD_OF edge (MERGE: repeats are no-ops);
// a new edge is recordedAt now.
// @param runId: string
// @param inputIds: string[]
// @param outputIds: string[]
// @param parentRunId: string | null
// @returns runId: string
MATCH (r:Run {runId: $runId})
CALL (r) {
  UNWIND $inputIds AS id
  MATCH (v:DatasetVersion {id: id})
  MERGE (r)-[e:READ]->(v)
    ON CREATE SET e.recordedAt = datetime()
}
CALL (r) {
  UNWIND $outputIds AS id
  MATCH (v:DatasetVersion {id: id})
  MERGE (r)-[e:WROTE]->(v)
    ON CREATE SET e.recordedAt = datetime()
}
CALL (r) {
  MATCH (p:Run {runId: $parentRunId})
  MERGE (r)-[e:CHILD_OF]->(p)
    ON CREATE SET e.recordedAt = datetime()
}
RETURN r.runId AS runId

// For each run id: its parent run (OpenLineage parent facet), if any.
// @param runIds: string[]
UNWIND $runIds AS runId
MATCH (:Run {runId: runId})-[:CHILD_OF]->(p:Run)
RETURN runId, p {.*} AS run

// For each run id: its child runs, newest first.
// @param runIds: string[]
UNWIND $runIds AS runId
MATCH (c:Run)-[:CHILD_OF]->(:Run {runId: runId})
RETURN runId, c {.*} AS run
ORDER BY coalesce(c.startedAt, c.createdAt) DESC

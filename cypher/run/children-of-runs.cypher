// For each run id: its child runs, newest first.
// @param runIds: string[]
// @returns runId: string
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
UNWIND $runIds AS runId
MATCH (c:Run)-[:CHILD_OF]->(:Run {runId: runId})
RETURN runId, c {.*} AS run
ORDER BY coalesce(c.startedAt, c.createdAt) DESC

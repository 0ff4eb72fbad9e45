// For each run id: its parent run (OpenLineage parent facet), if any.
// @param runIds: string[]
// @returns runId: string
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
UNWIND $runIds AS runId
MATCH (:Run {runId: runId})-[:CHILD_OF]->(p:Run)
RETURN runId, p {.*} AS run

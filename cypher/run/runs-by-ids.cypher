// The runs with these run ids (missing ids are simply absent).
// @param runIds: string[]
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
UNWIND $runIds AS runId
MATCH (r:Run {runId: runId})
RETURN r {.*} AS run

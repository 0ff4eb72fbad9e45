// For each job id: its runs, newest first (by start time, else by when they were recorded).
// @param jobIds: string[]
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
UNWIND $jobIds AS jobId
MATCH (r:Run {jobId: jobId})
RETURN r {.*} AS run
ORDER BY coalesce(r.startedAt, r.createdAt) DESC, r.runId DESC

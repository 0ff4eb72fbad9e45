// For each job id: its runs, newest first (by start time, else by when they were recorded).
// @param jobIds: string[]
UNWIND $jobIds AS jobId
MATCH (r:Run {jobId: jobId})
RETURN r {.*} AS run
ORDER BY coalesce(r.startedAt, r.createdAt) DESC, r.runId DESC

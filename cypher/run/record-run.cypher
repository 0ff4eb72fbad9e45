// Upserts a run by runId under its job: creation sets everything; later calls fill in what was
// missing and set the state the service decided on (it never lets a finished run regress).
// @param runId: string
// @param jobId: string
// @param state: string
// @param startedAt: Date | null
// @param endedAt: Date | null
// @param codeVersion: string | null
// @param parameters: string | null
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
MATCH (j:Job {id: $jobId})
MERGE (r:Run {runId: $runId})
  ON CREATE SET r.id = $runId, r.jobId = $jobId, r.createdAt = datetime()
SET r.state = $state,
    r.startedAt = coalesce($startedAt, r.startedAt),
    r.endedAt = coalesce($endedAt, r.endedAt),
    r.codeVersion = coalesce($codeVersion, r.codeVersion),
    r.parameters = coalesce($parameters, r.parameters)
MERGE (r)-[:RUN_OF]->(j)
RETURN r {.*} AS run

// Upserts a run by runId under its job: creation sets everything; later calls fill in what was
// missing and set the state the service decided on (it never lets a finished run regress).
// A new run exists from $at (world time; default its start, else now), recorded now; a job exists
// at least since its first run, so a back-filled run moves its job's createdAt back.
// @param runId: string
// @param jobId: string
// @param state: string
// @param startedAt: Date | null
// @param endedAt: Date | null
// @param codeVersion: string | null
// @param parameters: string | null
// @param at: Date | null
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
MATCH (j:Job {id: $jobId})
MERGE (r:Run {runId: $runId})
  ON CREATE SET r.id = $runId, r.jobId = $jobId, r.createdAt = coalesce($at, $startedAt, datetime()), r.recordedAt = datetime()
SET r.state = $state,
    r.startedAt = coalesce($startedAt, r.startedAt),
    r.endedAt = coalesce($endedAt, r.endedAt),
    r.codeVersion = coalesce($codeVersion, r.codeVersion),
    r.parameters = coalesce($parameters, r.parameters),
    j.createdAt = CASE WHEN r.createdAt < j.createdAt THEN r.createdAt ELSE j.createdAt END
MERGE (r)-[o:RUN_OF]->(j)
  ON CREATE SET o.recordedAt = datetime()
RETURN r {.*} AS run

// Whether the run with this runId exists (Run nodes belong to the run module; models only link to them).
// @param runId: string
// @returns found: boolean
OPTIONAL MATCH (r:Run {runId: $runId})
RETURN r IS NOT NULL AS found

// Whether the run with this runId exists (Run nodes belong to the run module; models only link to them).
// @param runId: string
OPTIONAL MATCH (r:Run {runId: $runId})
RETURN r IS NOT NULL AS found

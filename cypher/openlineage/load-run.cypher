// The stored state of a run, if it exists. Setting a property locks the run until the event's
// transaction ends, so two events of one run are applied one after the other, never interleaved.
// @param runId: string
MATCH (r:Run {runId: $runId})
SET r.state = r.state
RETURN r {.state, .startedAt, .endedAt, .facets, .declaredOutputs} AS run

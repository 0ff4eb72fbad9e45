// The runs with these run ids (missing ids are simply absent).
// @param runIds: string[]
UNWIND $runIds AS runId
MATCH (r:Run {runId: runId})
RETURN r {.*} AS run

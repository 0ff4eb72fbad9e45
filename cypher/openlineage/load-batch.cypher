// The stored state of the runs, jobs and datasets a batch of events names, to fold its events into
// (batch-fold.ts). Setting a property locks each run (in runId order, so concurrent batches queue
// rather than deadlock) until the batch's transaction ends: events of one run are never interleaved.
// The SET also makes this a write statement, and Neo4j seeks a unique key in a write statement with
// a lock on the key, held whether or not a node has it: a transaction folding the same new run, job
// or dataset waits here until this one commits, then folds from what it stored instead of both
// folding from nothing and the last to commit winning (test/openlineage-concurrent-writers.test.ts).
// The lists come in one map: Neo4j plans a statement again for each new combination of its list
// parameters' size classes (0, 1, ≤10, ≤100, ...).
// @param keys: { runIds: string[]; jobs: { namespace: string; name: string }[]; datasets: { namespace: string; name: string }[] }
// @returns runs: { runId: string; state: 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER'; startedAt: Date | null; endedAt: Date | null; facets: string | null; facetTimes: string | null; declaredOutputs: string | null }[]
// @returns jobs: { namespace: string; name: string; facets: string | null; facetTimes: string | null; description: string | null; createdAt: Date | null; lineageAt: Date | null }[]
// @returns datasets: { namespace: string; name: string; facets: string | null; facetTimes: string | null; description: string | null; createdAt: Date | null }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
CALL () {
  UNWIND $keys.runIds AS runId
  MATCH (r:Run {runId: runId})
  SET r.state = r.state
  RETURN collect(r {.runId, .state, .startedAt, .endedAt, .facets, .facetTimes, .declaredOutputs}) AS runs
}
CALL () {
  UNWIND $keys.jobs AS key
  MATCH (j:Job {namespace: key.namespace, name: key.name})
  RETURN collect(j {.namespace, .name, .facets, .facetTimes, .description, .createdAt, .lineageAt}) AS jobs
}
CALL () {
  UNWIND $keys.datasets AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  RETURN collect(d {.namespace, .name, .facets, .facetTimes, .description, .createdAt}) AS datasets
}
RETURN runs, jobs, datasets

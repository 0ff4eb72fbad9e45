// Creates or updates each run (id = runId) with the state its events folded to. A new run belongs
// to `createdBy`: the job of the first event that named it, its own or a child's `parent` facet
// (see link-parents.cypher). It is RUN_OF each job its events name that is that job. createdAt: the
// earliest eventTime of its events (or of a child's naming it as parent).
// @param runs: { runId: string; createdBy: { namespace: string; name: string }; jobs: { namespace: string; name: string }[]; state: string; startedAt: Date | null; endedAt: Date | null; nominalStartTime: Date | null; codeVersion: string | null; parameters: string | null; facets: string; facetTimes: string; declaredOutputs: string; createdAt: Date }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $runs AS run
MERGE (creator:Job {namespace: run.createdBy.namespace, name: run.createdBy.name})
  ON CREATE SET creator.id = randomUUID(), creator.createdAt = run.createdAt, creator.recordedAt = datetime(), creator.updatedAt = datetime()
MERGE (r:Run {runId: run.runId})
  ON CREATE SET r.id = run.runId, r.jobId = creator.id, r.createdAt = run.createdAt, r.recordedAt = datetime()
SET r.state = run.state, r.startedAt = run.startedAt, r.endedAt = run.endedAt,
    r.nominalStartTime = coalesce(run.nominalStartTime, r.nominalStartTime),
    r.codeVersion = coalesce(run.codeVersion, r.codeVersion),
    r.parameters = coalesce(run.parameters, r.parameters),
    r.facets = run.facets, r.facetTimes = run.facetTimes, r.declaredOutputs = run.declaredOutputs,
    r.createdAt = CASE WHEN r.createdAt IS NULL OR run.createdAt < r.createdAt THEN run.createdAt ELSE r.createdAt END
WITH r, run
UNWIND run.jobs AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
WHERE j.id = r.jobId
MERGE (r)-[o:RUN_OF]->(j)
  ON CREATE SET o.recordedAt = datetime()

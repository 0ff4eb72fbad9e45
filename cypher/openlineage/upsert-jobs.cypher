// Creates each job (namespace, name) or sets its facets and description. Only jobs whose facets or
// description the batch changed are sent, so updatedAt moves only on a change and a replayed
// event writes (and locks) nothing. createdAt: the earliest eventTime naming the job (the world's
// time), recordedAt: when it was first written.
// @param jobs: { namespace: string; name: string; facets: string; facetTimes: string; description: string | null; createdAt: Date }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $jobs AS job
MERGE (j:Job {namespace: job.namespace, name: job.name})
  ON CREATE SET j.id = randomUUID(), j.createdAt = job.createdAt, j.recordedAt = datetime()
SET j.facets = job.facets, j.facetTimes = job.facetTimes,
    j.createdAt = CASE WHEN j.createdAt IS NULL OR job.createdAt < j.createdAt THEN job.createdAt ELSE j.createdAt END,
    j.description = coalesce(job.description, j.description),
    j.updatedAt = datetime()

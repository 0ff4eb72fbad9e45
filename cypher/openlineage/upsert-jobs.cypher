// Creates each job (namespace, name) or sets its facets and description. Only jobs whose facets or
// description the batch changed are sent, so updatedAt moves only on a change and a replayed
// event writes (and locks) nothing.
// @param jobs: { namespace: string; name: string; facets: string; description: string | null }[]
UNWIND $jobs AS job
MERGE (j:Job {namespace: job.namespace, name: job.name})
  ON CREATE SET j.id = randomUUID(), j.createdAt = datetime()
SET j.facets = job.facets,
    j.description = coalesce(job.description, j.description),
    j.updatedAt = datetime()

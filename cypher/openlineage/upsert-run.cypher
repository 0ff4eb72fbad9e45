// Creates or updates a run (id = runId) of its job with the state the mapping computed. A run
// first seen as another run's parent has no RUN_OF yet: it gets its job here.
// @param runId: string
// @param jobNamespace: string
// @param jobName: string
// @param state: string
// @param startedAt: Date | null
// @param endedAt: Date | null
// @param nominalStartTime: Date | null
// @param codeVersion: string | null
// @param parameters: string | null
// @param facets: string
// @param declaredOutputs: string
MATCH (j:Job {namespace: $jobNamespace, name: $jobName})
MERGE (r:Run {runId: $runId})
  ON CREATE SET r.id = $runId, r.jobId = j.id, r.createdAt = datetime()
SET r.state = $state, r.startedAt = $startedAt, r.endedAt = $endedAt,
    r.nominalStartTime = coalesce($nominalStartTime, r.nominalStartTime),
    r.codeVersion = coalesce($codeVersion, r.codeVersion),
    r.parameters = coalesce($parameters, r.parameters),
    r.facets = $facets, r.declaredOutputs = $declaredOutputs
WITH r, j
WHERE r.jobId = j.id
MERGE (r)-[:RUN_OF]->(j)

// The `parent` run facet: the run is CHILD_OF its parent run, created (with its job) if unseen;
// the parent's own events fill in its state later.
// @param runId: string
// @param parentRunId: string
// @param parentNamespace: string
// @param parentName: string
MATCH (r:Run {runId: $runId})
MERGE (pj:Job {namespace: $parentNamespace, name: $parentName})
  ON CREATE SET pj.id = randomUUID(), pj.createdAt = datetime(), pj.updatedAt = datetime()
MERGE (p:Run {runId: $parentRunId})
  ON CREATE SET p.id = $parentRunId, p.jobId = pj.id, p.state = 'OTHER', p.createdAt = datetime()
MERGE (r)-[:CHILD_OF]->(p)
WITH p, pj
WHERE p.jobId = pj.id
MERGE (p)-[:RUN_OF]->(pj)

// The `parent` run facet: each run is CHILD_OF its parent run, created (with its job) if unseen;
// the parent's own events fill in its state later.
// @param parents: { runId: string; parentRunId: string; parentNamespace: string; parentName: string }[]
UNWIND $parents AS link
MATCH (r:Run {runId: link.runId})
MERGE (pj:Job {namespace: link.parentNamespace, name: link.parentName})
  ON CREATE SET pj.id = randomUUID(), pj.createdAt = datetime(), pj.updatedAt = datetime()
MERGE (p:Run {runId: link.parentRunId})
  ON CREATE SET p.id = link.parentRunId, p.jobId = pj.id, p.state = 'OTHER', p.createdAt = datetime()
MERGE (r)-[:CHILD_OF]->(p)
WITH p, pj
WHERE p.jobId = pj.id
MERGE (p)-[:RUN_OF]->(pj)

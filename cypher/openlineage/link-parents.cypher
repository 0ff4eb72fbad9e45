// The `parent` run facet: each run is CHILD_OF its parent run, created (with its job) if unseen;
// the parent's own events fill in its state later.
// @param parents: { runId: string; parentRunId: string; parentNamespace: string; parentName: string; at: Date }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $parents AS link
MATCH (r:Run {runId: link.runId})
MERGE (pj:Job {namespace: link.parentNamespace, name: link.parentName})
  ON CREATE SET pj.id = randomUUID(), pj.createdAt = link.at, pj.recordedAt = datetime(), pj.updatedAt = datetime()
MERGE (p:Run {runId: link.parentRunId})
  ON CREATE SET p.id = link.parentRunId, p.jobId = pj.id, p.state = 'OTHER', p.createdAt = link.at, p.recordedAt = datetime()
// The parent ran at least since its child's event.
SET p.createdAt = CASE WHEN p.createdAt IS NULL OR link.at < p.createdAt THEN link.at ELSE p.createdAt END
MERGE (r)-[c:CHILD_OF]->(p)
  ON CREATE SET c.recordedAt = datetime()
WITH p, pj
WHERE p.jobId = pj.id
MERGE (p)-[o:RUN_OF]->(pj)
  ON CREATE SET o.recordedAt = datetime()

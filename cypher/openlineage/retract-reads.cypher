// READs withdrawn because a version arrived (late) that was current at the reader's time: they are
// kept, with retractedAt = now, so "what did we know then" (knownAt) still sees them.
// @param reads: { runId: string; versionId: string }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $reads AS input
MATCH (:Run {runId: input.runId})-[rd:READ]->(:DatasetVersion {id: input.versionId})
WHERE rd.retractedAt IS NULL
SET rd.retractedAt = datetime()

// Each run READ the versions replaying the batch bound its inputs to (batch-replay.ts): `at` lists
// the times (of its events) at which that version was the one current. A READ still in force gets
// its times; else a new one is created with recordedAt (a withdrawn one stays withdrawn: history).
// @param reads: { runId: string; versionId: string; at: Date[] }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $reads AS input
MATCH (r:Run {runId: input.runId})
MATCH (v:DatasetVersion {id: input.versionId})
OPTIONAL MATCH (r)-[current:READ WHERE current.retractedAt IS NULL]->(v)
CALL (r, v, current, input) {
  WITH * WHERE current IS NULL
  CREATE (r)-[created:READ]->(v)
  SET created.at = input.at, created.recordedAt = datetime()
}
CALL (current, input) {
  WITH * WHERE current IS NOT NULL
  SET current.at = input.at
}

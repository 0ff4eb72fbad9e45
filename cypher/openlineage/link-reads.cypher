// Each run READ the version of each input that replaying the batch chose (batch-versions.ts):
// the version current at the input's time, or the dataset's placeholder version.
// @param reads: { runId: string; versionId: string }[]
UNWIND $reads AS input
MATCH (r:Run {runId: input.runId})
MATCH (v:DatasetVersion {id: input.versionId})
MERGE (r)-[:READ]->(v)

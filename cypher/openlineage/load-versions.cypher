// The stored versions a batch's reads, writes and column lineage depend on, for replaying its
// events in memory (batch-versions.ts). `reads`: per (run, input, time), the versions the run would
// READ now, best first: the newest created at or before the time, not written by the run, else
// the oldest (a new run has written nothing); of equal times the first by name. $depth of them, so
// one is left when the run writes some of them earlier in the batch. `runReads`: the versions a
// run READ of a dataset. `written`: those of the versions the batch writes that exist. Field names
// come with placeholders (contentHash null), which get fields, and with written versions, whose
// fields column lineage links.
// @param reads: { runId: string; namespace: string; name: string; at: Date }[]
// @param runReads: { runId: string; namespace: string; name: string }[]
// @param written: { namespace: string; name: string; version: string }[]
// @param depth: Integer
// @returns reads: { runId: string; namespace: string; name: string; at: Date; versions: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null }[] }[]
// @returns runReads: { runId: string; namespace: string; name: string; version: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null } }[]
// @returns written: { namespace: string; name: string; version: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null } }[]
CALL () {
  UNWIND $reads AS input
  MATCH (d:Dataset {namespace: input.namespace, name: input.name})
  OPTIONAL MATCH (r:Run {runId: input.runId})
  CALL (r, d, input) {
    MATCH (v:DatasetVersion {datasetId: d.id})
    WHERE r IS NULL OR NOT (r)-[:WROTE]->(v)
    WITH v ORDER BY CASE WHEN v.createdAt <= input.at THEN 0 ELSE 1 END, CASE WHEN v.createdAt <= input.at THEN v.createdAt END DESC, v.createdAt, v.version
    LIMIT $depth
    RETURN collect(v {
      .id, .version, .createdAt, .contentHash, fields: CASE WHEN v.contentHash IS NULL THEN COLLECT { MATCH (v)-[:HAS_FIELD]->(f) RETURN f.name } END
    }) AS versions
  }
  RETURN collect({runId: input.runId, namespace: input.namespace, name: input.name, at: input.at, versions: versions}) AS reads
}
CALL () {
  UNWIND $runReads AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  MATCH (:Run {runId: key.runId})-[:READ]->(v:DatasetVersion)
  WHERE v.datasetId = d.id
  RETURN collect({runId: key.runId, namespace: key.namespace, name: key.name, version: v {
    .id, .version, .createdAt, .contentHash, fields: CASE WHEN v.contentHash IS NULL THEN COLLECT { MATCH (v)-[:HAS_FIELD]->(f) RETURN f.name } END
  }}) AS runReads
}
CALL () {
  UNWIND $written AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  MATCH (v:DatasetVersion {datasetId: d.id, version: key.version})
  RETURN collect({namespace: key.namespace, name: key.name, version: v {
    .id, .version, .createdAt, .contentHash, fields: COLLECT { MATCH (v)-[:HAS_FIELD]->(f) RETURN f.name }
  }}) AS written
}
RETURN reads, runReads, written

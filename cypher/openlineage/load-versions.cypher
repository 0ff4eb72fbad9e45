// The stored versions and READs a batch's reads, writes and column lineage depend on, for working
// out in memory (batch-replay.ts) which version each run read at each time. `reads`: per (run,
// input, time), the real versions (contentHash set) the run would READ, best first: the newest
// created at or before the time, not written by the run, else the oldest; of equal times the first
// by name. $depth of them, so one is left when the run writes some of them in the batch.
// `runReads`: the READs still in force (not retracted) of each (run, dataset) pair the batch names,
// and of each run whose binding a version the batch writes may change: one read at or after
// `since` (the earliest new version's time), or bound to a placeholder or to a version not older
// than it. `placeholders`: the placeholder version of each dataset read. `written`: those of the
// versions the batch writes that exist, with the runs that wrote them. The lists come in one map:
// Neo4j keys its plan cache by the size class (0, 1, ≤10, ≤100, ...) of each list parameter, so
// five lists of independent sizes would plan this statement again for each new combination.
// @param keys: { reads: { runId: string; namespace: string; name: string; at: Date }[]; pairs: { runId: string; namespace: string; name: string }[]; since: { namespace: string; name: string; since: Date }[]; datasets: { namespace: string; name: string }[]; written: { namespace: string; name: string; version: string }[] }
// @param initialVersion: string
// @param depth: Integer
// @returns reads: { runId: string; namespace: string; name: string; at: Date; versions: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null }[] }[]
// @returns runReads: { runId: string; namespace: string; name: string; at: Date[] | null; version: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null } }[]
// @returns placeholders: { namespace: string; name: string; version: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null } }[]
// @returns written: { namespace: string; name: string; writers: string[]; version: { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null } }[]
CALL () {
  UNWIND $keys.reads AS input
  MATCH (d:Dataset {namespace: input.namespace, name: input.name})
  OPTIONAL MATCH (r:Run {runId: input.runId})
  // Those created at or before the time, newest first, then those after it, oldest first: each
  // walks the dataset's timeline index (V012) from `at` and stops after $depth, whatever the
  // dataset's history. ORDER BY leads with datasetId (one value here) so that it is the index's
  // own order and Neo4j stops early (PartialTop) instead of sorting every version on that side.
  CALL (r, d, input) {
    MATCH (v:DatasetVersion {datasetId: d.id})
    USING INDEX SEEK v:DatasetVersion(datasetId, createdAt)
    WHERE v.createdAt <= input.at AND v.contentHash IS NOT NULL AND (r IS NULL OR NOT (r)-[:WROTE]->(v))
    WITH v ORDER BY v.datasetId DESC, v.createdAt DESC, v.version
    LIMIT $depth
    RETURN collect(v {.id, .version, .createdAt, .contentHash, fields: null}) AS before
  }
  CALL (r, d, input) {
    MATCH (v:DatasetVersion {datasetId: d.id})
    USING INDEX SEEK v:DatasetVersion(datasetId, createdAt)
    WHERE v.createdAt > input.at AND v.contentHash IS NOT NULL AND (r IS NULL OR NOT (r)-[:WROTE]->(v))
    WITH v ORDER BY v.datasetId, v.createdAt, v.version
    LIMIT $depth
    RETURN collect(v {.id, .version, .createdAt, .contentHash, fields: null}) AS after
  }
  WITH input, (before + after)[0..$depth] AS versions
  RETURN collect({runId: input.runId, namespace: input.namespace, name: input.name, at: input.at, versions: versions}) AS reads
}
CALL () {
  UNWIND $keys.since AS s
  MATCH (d:Dataset {namespace: s.namespace, name: s.name})
  MATCH (r:Run)-[rd:READ]->(v:DatasetVersion {datasetId: d.id})
  WHERE rd.retractedAt IS NULL AND rd.at IS NOT NULL
    AND (v.contentHash IS NULL OR v.createdAt >= s.since OR any(a IN rd.at WHERE a >= s.since))
  RETURN collect(DISTINCT {runId: r.runId, namespace: s.namespace, name: s.name}) AS affected
}
CALL (affected) {
  UNWIND $keys.pairs + affected AS key
  WITH DISTINCT key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  MATCH (:Run {runId: key.runId})-[rd:READ]->(v:DatasetVersion)
  WHERE v.datasetId = d.id AND rd.retractedAt IS NULL
  RETURN collect({runId: key.runId, namespace: key.namespace, name: key.name, at: rd.at, version: v {
    .id, .version, .createdAt, .contentHash, fields: CASE WHEN v.contentHash IS NULL THEN COLLECT { MATCH (v)-[:HAS_FIELD]->(f) RETURN f.name } END
  }}) AS runReads
}
CALL () {
  UNWIND $keys.datasets AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  MATCH (v:DatasetVersion {datasetId: d.id, version: $initialVersion})
  WHERE v.contentHash IS NULL
  RETURN collect({namespace: key.namespace, name: key.name, version: v {
    .id, .version, .createdAt, .contentHash, fields: COLLECT { MATCH (v)-[:HAS_FIELD]->(f) RETURN f.name }
  }}) AS placeholders
}
CALL () {
  UNWIND $keys.written AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  MATCH (v:DatasetVersion {datasetId: d.id, version: key.version})
  RETURN collect({namespace: key.namespace, name: key.name, writers: COLLECT { MATCH (w:Run)-[:WROTE]->(v) RETURN w.runId }, version: v {
    .id, .version, .createdAt, .contentHash, fields: COLLECT { MATCH (v)-[:HAS_FIELD]->(f) RETURN f.name }
  }}) AS written
}
RETURN reads, runReads, placeholders, written

// Everything upstream of the origins — what they were made from — as the graph stood at world time
// $asOf (null: now) and as recorded at $knownAt (null: everything recorded): a deployment to what it
// SERVES, an ensemble to its MEMBERs, a model version to its training run (PRODUCED_BY), the versions
// it was TRAINED_ON and the features it USES; a feature or field to the fields it is DERIVED_FROM; a
// field to the version that has it (HAS_FIELD); a version to the run that WROTE it and to its dataset
// (VERSION_OF); a run to the versions it READ and its job (RUN_OF). As an origin only, a dataset or
// model expands to its versions and a job to its runs (so the upstream of a dataset or a job is theirs).
// Visibility as in downstream.cypher (docs/graph-model.md, "Time"). One row per reached node (the
// origins first, distance 0): shortest distance from the nearest origin (at most $depth hops; at most
// $maxNodes nodes besides the origins, plus one that says "truncated"), display label, a run's
// properties a provenance report shows (props; null for other nodes), and its outgoing upstream
// edges with, on SERVES, MEMBER, TRAINED_ON and USES_FEATURE, the properties the report reads
// (trafficShare, weight, role, importance). Only those: every node's and edge's properties made the
// largest bench report 3.2 MB, and nothing read the rest.
// @param originElementIds: string[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @returns id: string
// @returns nodeLabel: string
// @returns display: string | null
// @returns distance: Integer
// @returns edges: { next: string; source: string; target: string; type: string; transformations: string | null; props: Record<string, unknown> | null }[]
// @returns props: Record<string, unknown> | null
UNWIND $originElementIds AS originElementId
MATCH (s) WHERE elementId(s) = originElementId
WITH collect(s) AS origins, coalesce($asOf, datetime()) AS t
// Breadth-first, one level per step: a level is the distinct nodes one hop past the previous level
// (so work grows with nodes x depth, never with the number of paths).
WITH origins, t, reduce(levels = [origins], i IN range(1, $depth) | levels + [COLLECT {
    UNWIND levels[-1] AS a
    MATCH (a)-[r]-(b)
    WHERE (
        (type(r) IN ['PRODUCED_BY', 'TRAINED_ON', 'USES_FEATURE', 'DERIVED_FROM', 'READ', 'RUN_OF', 'MEMBER', 'SERVES'] AND startNode(r) = a)
        OR (type(r) = 'VERSION_OF' AND startNode(r) = a AND a:DatasetVersion)
        OR (type(r) IN ['WROTE', 'HAS_FIELD'] AND endNode(r) = a)
        OR (type(r) IN ['VERSION_OF', 'RUN_OF'] AND endNode(r) = a AND a IN origins))
      AND ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf) AND ($knownAt IS NULL OR b.recordedAt IS NULL OR b.recordedAt <= $knownAt)
      AND ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt) AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt))
      AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t OR ($knownAt IS NOT NULL AND r.toRecordedAt IS NOT NULL AND r.toRecordedAt > $knownAt))
    RETURN DISTINCT b LIMIT $maxNodes + 1
  }]) AS levels
UNWIND range(0, size(levels) - 1) AS level
UNWIND levels[level] AS a
WITH origins, t, a, min(level) AS distance
ORDER BY distance
LIMIT $maxNodes + size($originElementIds) + 1 // the origins, $maxNodes nodes, and one more to tell "truncated"
WITH origins, t, a, distance, COLLECT {
    MATCH (a)-[r]-(b)
    WHERE (
        (type(r) IN ['PRODUCED_BY', 'TRAINED_ON', 'USES_FEATURE', 'DERIVED_FROM', 'READ', 'RUN_OF', 'MEMBER', 'SERVES'] AND startNode(r) = a)
        OR (type(r) = 'VERSION_OF' AND startNode(r) = a AND a:DatasetVersion)
        OR (type(r) IN ['WROTE', 'HAS_FIELD'] AND endNode(r) = a)
        OR (type(r) IN ['VERSION_OF', 'RUN_OF'] AND endNode(r) = a AND a IN origins))
      AND ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf) AND ($knownAt IS NULL OR b.recordedAt IS NULL OR b.recordedAt <= $knownAt)
      AND ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt) AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt))
      AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t OR ($knownAt IS NOT NULL AND r.toRecordedAt IS NOT NULL AND r.toRecordedAt > $knownAt))
    RETURN {next: b.id, source: startNode(r).id, target: endNode(r).id, type: type(r), transformations: r.transformations,
      props: CASE WHEN type(r) IN ['SERVES', 'MEMBER', 'TRAINED_ON', 'USES_FEATURE'] THEN r {.trafficShare, .weight, .role, .importance} END}
  } AS edges
CALL (a) {
  OPTIONAL MATCH (a)<-[:HAS_FIELD]-(fieldVersion:DatasetVersion)
  WITH a, coalesce(fieldVersion, a) AS v
  OPTIONAL MATCH (v)-[:VERSION_OF|RUN_OF]->(owner)
  RETURN CASE
    WHEN a:Dataset OR a:Job OR a:Feature THEN a.namespace + '/' + a.name
    WHEN a:DatasetVersion THEN owner.namespace + '/' + owner.name + '@' + a.version
    WHEN a:Field THEN owner.namespace + '/' + owner.name + '@' + v.version + '.' + a.name
    WHEN a:ModelVersion THEN owner.name + '@' + a.version
    WHEN a:Run THEN coalesce(owner.namespace + '/' + owner.name + '#', '') + a.runId
    ELSE a.name END AS display
}
RETURN a.id AS id, labels(a)[0] AS nodeLabel, display, distance, edges,
  CASE WHEN a:Run THEN a {.runId, .state, .codeVersion, .parameters, .startedAt} END AS props
ORDER BY distance

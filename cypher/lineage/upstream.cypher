// Everything upstream of one node — what it was made from — as the graph stood at $asOf (null: now):
// a deployment to what it SERVES, an ensemble to its MEMBERs (both only while they held at t: from <=
// t < to-or-open), a model version to its training run (PRODUCED_BY), the versions it was TRAINED_ON
// and the features it USES; a feature or field to the fields it is DERIVED_FROM; a field to the
// version that has it (HAS_FIELD); a version to the run that WROTE it and to its dataset (VERSION_OF);
// a run to the versions it READ and its job (RUN_OF). With $asOf, nodes created after it do not exist
// yet. One row per reached node (the origin first, distance 0): shortest distance (at most $depth
// hops; at most $maxNodes nodes besides the origin, plus one that says "truncated"), display label,
// all its properties,
// and its outgoing upstream edges with their properties (role, importance, weight, trafficShare...).
// @param originElementId: string
// @param asOf: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @returns id: string
// @returns nodeLabel: string
// @returns display: string | null
// @returns distance: Integer
// @returns edges: { next: string; source: string; target: string; type: string; props: Record<string, unknown> }[]
// @returns props: Record<string, unknown>
MATCH (s) WHERE elementId(s) = $originElementId
WITH s, coalesce($asOf, datetime()) AS t
// Breadth-first, one level per step: a level is the distinct nodes one hop past the previous level
// (so work grows with nodes x depth, never with the number of paths).
WITH s, t, reduce(levels = [[s]], i IN range(1, $depth) | levels + [COLLECT {
    UNWIND levels[-1] AS a
    MATCH (a)-[r]-(b)
    WHERE ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf) AND (
        (type(r) IN ['PRODUCED_BY', 'TRAINED_ON', 'USES_FEATURE', 'DERIVED_FROM', 'READ', 'RUN_OF'] AND startNode(r) = a)
        OR (type(r) = 'VERSION_OF' AND startNode(r) = a AND a:DatasetVersion)
        OR (type(r) IN ['WROTE', 'HAS_FIELD'] AND endNode(r) = a)
        OR (type(r) IN ['MEMBER', 'SERVES'] AND startNode(r) = a AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t)))
    RETURN DISTINCT b LIMIT $maxNodes + 1
  }]) AS levels
UNWIND range(0, size(levels) - 1) AS level
UNWIND levels[level] AS a
WITH s, t, a, min(level) AS distance
ORDER BY distance
LIMIT $maxNodes + 2 // the origin, $maxNodes nodes, and one more to tell "truncated"
WITH s, t, a, distance, COLLECT {
    MATCH (a)-[r]-(b)
    WHERE ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf) AND (
      (type(r) IN ['PRODUCED_BY', 'TRAINED_ON', 'USES_FEATURE', 'DERIVED_FROM', 'READ', 'RUN_OF'] AND startNode(r) = a)
      OR (type(r) = 'VERSION_OF' AND startNode(r) = a AND a:DatasetVersion)
      OR (type(r) IN ['WROTE', 'HAS_FIELD'] AND endNode(r) = a)
      OR (type(r) IN ['MEMBER', 'SERVES'] AND startNode(r) = a AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t)))
    RETURN {next: b.id, source: startNode(r).id, target: endNode(r).id, type: type(r), props: properties(r)}
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
RETURN a.id AS id, labels(a)[0] AS nodeLabel, display, distance, edges, a {.*} AS props
ORDER BY distance

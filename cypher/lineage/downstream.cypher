// Everything downstream of the origins — what a change to them can affect — as the graph stood at
// world time $asOf (null: now) and as recorded at $knownAt (null: everything recorded). Data flows: a
// dataset or model (only as an origin) to its versions; a version to the runs that READ it, to the
// model versions TRAINED_ON it, to its fields (HAS_FIELD) and to its dataset (reported, never
// expanded: other versions of a derived dataset are not affected); a run to the versions it WROTE and
// the model versions PRODUCED_BY it; a job to its runs; a field to the fields and features DERIVED_FROM
// it; a feature to the model versions that USE it; a model version to the ensembles it is a MEMBER of
// and the deployments that SERVE it; an ensemble to its deployments.
// Visibility (docs/graph-model.md, "Time"): a node exists when created by $asOf and recorded by
// $knownAt; a relationship counts when recorded by $knownAt and not retracted by then, and one with
// from/to (MEMBER, SERVES, a feature's DERIVED_FROM history) while it held at t = coalesce($asOf, now)
// (from <= t < to, a `to` recorded after $knownAt not yet known). One row per reached node (the origins
// first, distance 0): its shortest distance from the nearest origin (at most $depth hops; at most
// $maxNodes nodes besides the origins, plus one that says "truncated"), display label, its outgoing
// downstream edges (to any visible node; the caller keeps those between reached nodes; a field's
// DERIVED_FROM carries its column-lineage `transformations`, JSON text), and for model
// versions and ensembles the deployments serving them at t (directly or via an ensemble).
// Cost (profiled on a 1M-node graph): every hop is a typed, directed expansion (one UNION branch per
// direction, same rules as above) rather than every relationship filtered by type()/direction; a
// level holds only nodes not seen at an earlier level (distance = the level first seen, so each node
// is expanded once), and no level is expanded once the earlier ones already exceed the node limit;
// the display-label and serving lookups run only for the labels that can have them.
// @param originElementIds: string[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @returns id: string
// @returns nodeLabel: string
// @returns display: string | null
// @returns distance: Integer
// @returns edges: { next: string; source: string; target: string; type: string; transformations: string | null }[]
// @returns environment: string | null
// @returns serving: { deploymentId: string; deployment: string; environment: string | null; trafficShare: number | null; ensemble: string | null; weight: number | null }[]
UNWIND $originElementIds AS originElementId
MATCH (s) WHERE elementId(s) = originElementId
WITH collect(s) AS origins, coalesce($asOf, datetime()) AS t
// Breadth-first, one level per step: a level is the distinct nodes one hop past the previous level
// that no earlier level holds (so work grows with nodes, never with the number of paths).
WITH origins, t, reduce(levels = [origins], i IN range(1, $depth) | levels + [COLLECT {
    UNWIND [seen IN [reduce(all = [], level IN levels | all + level)] WHERE size(seen) <= $maxNodes + size(origins)] AS seen
    UNWIND levels[-1] AS a
    CALL (a, origins) {
      MATCH (a)-[r:WROTE|HAS_FIELD]->(b) RETURN r, b
      UNION ALL
      MATCH (a:DatasetVersion)-[r:VERSION_OF]->(b) WHERE NOT a IN origins RETURN r, b
      UNION ALL
      MATCH (a)<-[r:VERSION_OF]-(b) WHERE a IN origins RETURN r, b
      UNION ALL
      MATCH (a)<-[r:READ|TRAINED_ON|PRODUCED_BY|DERIVED_FROM|USES_FEATURE|RUN_OF|MEMBER|SERVES]-(b) RETURN r, b
    }
    WITH r, b WHERE NOT b IN seen
      AND ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf) AND ($knownAt IS NULL OR b.recordedAt IS NULL OR b.recordedAt <= $knownAt)
      AND ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt) AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt))
      AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t OR ($knownAt IS NOT NULL AND r.toRecordedAt IS NOT NULL AND r.toRecordedAt > $knownAt))
    RETURN DISTINCT b LIMIT $maxNodes + 1
  }]) AS levels
UNWIND range(0, size(levels) - 1) AS distance
UNWIND levels[distance] AS a
WITH origins, t, a, distance
ORDER BY distance
LIMIT $maxNodes + size($originElementIds) + 1 // the origins, $maxNodes nodes, and one more to tell "truncated"
WITH origins, t, a, distance, COLLECT {
    CALL (a, origins) {
      MATCH (a)-[r:WROTE|HAS_FIELD]->(b) RETURN r, b
      UNION ALL
      MATCH (a:DatasetVersion)-[r:VERSION_OF]->(b) WHERE NOT a IN origins RETURN r, b
      UNION ALL
      MATCH (a)<-[r:VERSION_OF]-(b) WHERE a IN origins RETURN r, b
      UNION ALL
      MATCH (a)<-[r:READ|TRAINED_ON|PRODUCED_BY|DERIVED_FROM|USES_FEATURE|RUN_OF|MEMBER|SERVES]-(b) RETURN r, b
    }
    WITH r, b WHERE ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf) AND ($knownAt IS NULL OR b.recordedAt IS NULL OR b.recordedAt <= $knownAt)
      AND ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt) AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt))
      AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t OR ($knownAt IS NOT NULL AND r.toRecordedAt IS NOT NULL AND r.toRecordedAt > $knownAt))
    RETURN {next: b.id, source: startNode(r).id, target: endNode(r).id, type: type(r), transformations: CASE type(r) WHEN 'DERIVED_FROM' THEN r.transformations END}
  } AS edges
CALL (a) {
  OPTIONAL MATCH (a:Field)<-[:HAS_FIELD]-(fieldVersion:DatasetVersion)
  WITH a, coalesce(fieldVersion, a) AS v
  OPTIONAL MATCH (v)-[:VERSION_OF|RUN_OF]->(owner) WHERE a:DatasetVersion OR a:Field OR a:ModelVersion OR a:Run
  RETURN CASE
    WHEN a:Dataset OR a:Job OR a:Feature THEN a.namespace + '/' + a.name
    WHEN a:DatasetVersion THEN owner.namespace + '/' + owner.name + '@' + a.version
    WHEN a:Field THEN owner.namespace + '/' + owner.name + '@' + v.version + '.' + a.name
    WHEN a:ModelVersion THEN owner.name + '@' + a.version
    WHEN a:Run THEN coalesce(owner.namespace + '/' + owner.name + '#', '') + a.runId
    ELSE a.name END AS display
}
// Serving: the same visibility for the SERVES and MEMBER relationships, the deployments and ensembles; the
// direct rows first, then those through ensembles, by (ensemble, deployment) name: an order a reader can rely on.
RETURN a.id AS id, labels(a)[0] AS nodeLabel, display, distance, edges, a.environment AS environment,
  COLLECT {
    MATCH (a)<-[sv:SERVES]-(dep:Deployment)
    WHERE (a:ModelVersion OR a:Ensemble)
      AND all(x IN [dep] WHERE ($asOf IS NULL OR x.createdAt IS NULL OR x.createdAt <= $asOf) AND ($knownAt IS NULL OR x.recordedAt IS NULL OR x.recordedAt <= $knownAt))
      AND all(r IN [sv] WHERE ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt) AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt))
        AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t OR ($knownAt IS NOT NULL AND r.toRecordedAt IS NOT NULL AND r.toRecordedAt > $knownAt)))
    RETURN {deploymentId: dep.id, deployment: dep.name, environment: dep.environment, trafficShare: sv.trafficShare,
            ensemble: null, weight: null} AS row ORDER BY dep.name
  } + COLLECT {
    MATCH (a:ModelVersion)<-[m:MEMBER]-(e:Ensemble)<-[sv:SERVES]-(dep:Deployment)
    WHERE all(x IN [e, dep] WHERE ($asOf IS NULL OR x.createdAt IS NULL OR x.createdAt <= $asOf) AND ($knownAt IS NULL OR x.recordedAt IS NULL OR x.recordedAt <= $knownAt))
      AND all(r IN [m, sv] WHERE ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt) AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt))
        AND (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t OR ($knownAt IS NOT NULL AND r.toRecordedAt IS NOT NULL AND r.toRecordedAt > $knownAt)))
    RETURN {deploymentId: dep.id, deployment: dep.name, environment: dep.environment, trafficShare: sv.trafficShare,
            ensemble: e.name, weight: m.weight} AS row ORDER BY e.name, dep.name
  } AS serving
ORDER BY distance

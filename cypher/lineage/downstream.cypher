// Everything downstream of one node — what a change to it can affect — as the graph stood at $asOf
// (null: now). Data flows: a dataset (only when it is the origin) to its versions; a version to the
// runs that READ it, to the model versions TRAINED_ON it, to its fields (HAS_FIELD) and to its dataset
// (reported, never expanded: other versions of a derived dataset are not affected); a run to the
// versions it WROTE and the model versions PRODUCED_BY it; a job to its runs; a field to the fields and
// features DERIVED_FROM it; a feature to the model versions that USE it; a model version to the
// ensembles it is a MEMBER of and the deployments that SERVE it; an ensemble to its deployments.
// MEMBER/SERVES count only while they held at t (from <= t < to-or-open); with $asOf, nodes created
// after it do not exist yet. One row per reached node (the origin first, distance 0): its shortest
// distance (at most $depth hops; at most $maxNodes nodes besides the origin, plus one that says
// "truncated"), display label, its outgoing downstream edges (to any node; the caller keeps those
// between reached nodes),
// and for model versions and ensembles the deployments serving them at t (directly or via an ensemble).
// Cost (profiled on a 1M-node graph): every hop is a typed, directed expansion (one UNION branch per
// direction, same rules as above) rather than every relationship filtered by type()/direction; a
// level holds only nodes not seen at an earlier level (distance = the level first seen, so each node
// is expanded once), and no level is expanded once the earlier ones already exceed the node limit;
// the display-label and serving lookups run only for the labels that can have them.
// @param originElementId: string
// @param asOf: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @returns id: string
// @returns nodeLabel: string
// @returns display: string | null
// @returns distance: Integer
// @returns edges: { next: string; source: string; target: string; type: string }[]
// @returns environment: string | null
// @returns serving: { deploymentId: string; deployment: string; environment: string | null; trafficShare: number | null; ensemble: string | null; weight: number | null }[]
MATCH (s) WHERE elementId(s) = $originElementId
WITH s, coalesce($asOf, datetime()) AS t
// Breadth-first, one level per step: a level is the distinct nodes one hop past the previous level
// that no earlier level holds (so work grows with nodes, never with the number of paths).
WITH s, t, reduce(levels = [[s]], i IN range(1, $depth) | levels + [COLLECT {
    UNWIND [seen IN [reduce(all = [], level IN levels | all + level)] WHERE size(seen) <= $maxNodes + 1] AS seen
    UNWIND levels[-1] AS a
    CALL (a, s, t) {
      MATCH (a)-[:WROTE|HAS_FIELD]->(b) RETURN b
      UNION ALL
      MATCH (a:DatasetVersion)-[:VERSION_OF]->(b) WHERE a <> s RETURN b
      UNION ALL
      MATCH (a)<-[:VERSION_OF]-(b) WHERE a = s RETURN b
      UNION ALL
      MATCH (a)<-[:READ|TRAINED_ON|PRODUCED_BY|DERIVED_FROM|USES_FEATURE|RUN_OF]-(b) RETURN b
      UNION ALL
      MATCH (a)<-[r:MEMBER|SERVES]-(b) WHERE (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t) RETURN b
    }
    WITH b WHERE NOT b IN seen AND ($asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf)
    RETURN DISTINCT b LIMIT $maxNodes + 1
  }]) AS levels
UNWIND range(0, size(levels) - 1) AS distance
UNWIND levels[distance] AS a
WITH s, t, a, distance
ORDER BY distance
LIMIT $maxNodes + 2 // the origin, $maxNodes nodes, and one more to tell "truncated"
WITH s, t, a, distance, COLLECT {
    CALL (a, s, t) {
      MATCH (a)-[r:WROTE|HAS_FIELD]->(b) RETURN r, b
      UNION ALL
      MATCH (a:DatasetVersion)-[r:VERSION_OF]->(b) WHERE a <> s RETURN r, b
      UNION ALL
      MATCH (a)<-[r:VERSION_OF]-(b) WHERE a = s RETURN r, b
      UNION ALL
      MATCH (a)<-[r:READ|TRAINED_ON|PRODUCED_BY|DERIVED_FROM|USES_FEATURE|RUN_OF]-(b) RETURN r, b
      UNION ALL
      MATCH (a)<-[r:MEMBER|SERVES]-(b) WHERE (r.from IS NULL OR r.from <= t) AND (r.to IS NULL OR r.to > t) RETURN r, b
    }
    WITH r, b WHERE $asOf IS NULL OR b.createdAt IS NULL OR b.createdAt <= $asOf
    RETURN {next: b.id, source: startNode(r).id, target: endNode(r).id, type: type(r)}
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
RETURN a.id AS id, labels(a)[0] AS nodeLabel, display, distance, edges, a.environment AS environment,
  COLLECT {
    MATCH (a)<-[sv:SERVES]-(dep:Deployment)
    WHERE (a:ModelVersion OR a:Ensemble) AND (sv.from IS NULL OR sv.from <= t) AND (sv.to IS NULL OR sv.to > t)
    RETURN {deploymentId: dep.id, deployment: dep.name, environment: dep.environment, trafficShare: sv.trafficShare,
            ensemble: null, weight: null}
  } + COLLECT {
    MATCH (a:ModelVersion)<-[m:MEMBER]-(e:Ensemble)<-[sv:SERVES]-(dep:Deployment)
    WHERE (m.from IS NULL OR m.from <= t) AND (m.to IS NULL OR m.to > t)
      AND (sv.from IS NULL OR sv.from <= t) AND (sv.to IS NULL OR sv.to > t)
    RETURN {deploymentId: dep.id, deployment: dep.name, environment: dep.environment, trafficShare: sv.trafficShare,
            ensemble: e.name, weight: m.weight}
  } AS serving
ORDER BY distance

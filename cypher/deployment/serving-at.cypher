// For each deployment id: what it served at $asOf (edges opened at or before it and not closed by then).
// @param deploymentIds: string[]
// @param asOf: Date
UNWIND $deploymentIds AS deploymentId
MATCH (:Deployment {id: deploymentId})-[s:SERVES]->(t)
WHERE s.from <= $asOf AND (s.to IS NULL OR s.to > $asOf)
RETURN deploymentId, s {.*} AS serves, t {.*} AS target, t:Ensemble AS isEnsemble
ORDER BY s.trafficShare DESC, coalesce(t.name, t.version), t.id

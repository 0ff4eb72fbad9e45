// For each deployment id: every SERVES edge it ever had, in the order they were opened.
// @param deploymentIds: string[]
UNWIND $deploymentIds AS deploymentId
MATCH (:Deployment {id: deploymentId})-[s:SERVES]->(t)
RETURN deploymentId, s {.*} AS serves, t {.*} AS target, t:Ensemble AS isEnsemble
ORDER BY s.from, s.trafficShare DESC, coalesce(t.name, t.version), t.id

// For each deployment id: every SERVES edge it ever had, in the order they were opened.
// @param deploymentIds: string[]
// @returns deploymentId: string
// @returns serves: { trafficShare: number; from: Date; to?: Date; reason?: string }
// @returns target: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string } | { id: string; name: string; description?: string; createdAt: Date }
// @returns isEnsemble: boolean
UNWIND $deploymentIds AS deploymentId
MATCH (:Deployment {id: deploymentId})-[s:SERVES]->(t)
RETURN deploymentId, s {.*} AS serves, t {.*} AS target, t:Ensemble AS isEnsemble
ORDER BY s.from, s.trafficShare DESC, coalesce(t.name, t.version), t.id

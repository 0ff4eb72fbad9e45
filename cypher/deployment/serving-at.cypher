// For each deployment id: what it served at $asOf (edges opened at or before it and not closed by then).
// @param deploymentIds: string[]
// @param asOf: Date
// @returns deploymentId: string
// @returns serves: { trafficShare: number; from: Date; to?: Date; reason?: string }
// @returns target: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string } | { id: string; name: string; description?: string; createdAt: Date }
// @returns isEnsemble: boolean
UNWIND $deploymentIds AS deploymentId
MATCH (:Deployment {id: deploymentId})-[s:SERVES]->(t)
WHERE s.from <= $asOf AND (s.to IS NULL OR s.to > $asOf)
RETURN deploymentId, s {.*} AS serves, t {.*} AS target, t:Ensemble AS isEnsemble
ORDER BY s.trafficShare DESC, coalesce(t.name, t.version), t.id

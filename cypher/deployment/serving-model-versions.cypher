// For each model version id: the deployments serving it now (open SERVES edges).
// @param targetIds: string[]
// @returns targetId: string
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
UNWIND $targetIds AS targetId
MATCH (d:Deployment)-[s:SERVES]->(:ModelVersion {id: targetId})
WHERE s.to IS NULL
RETURN targetId, d {.*} AS deployment
ORDER BY d.name

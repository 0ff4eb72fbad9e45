// For each ensemble id: the deployments serving it now (open SERVES edges).
// @param targetIds: string[]
UNWIND $targetIds AS targetId
MATCH (d:Deployment)-[s:SERVES]->(:Ensemble {id: targetId})
WHERE s.to IS NULL
RETURN targetId, d {.*} AS deployment
ORDER BY d.name

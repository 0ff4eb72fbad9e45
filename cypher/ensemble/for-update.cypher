// Locks the ensemble for the rest of the transaction (so concurrent membership changes serialize)
// and returns its open members and the time of its latest membership change.
// @param name: string
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
// @returns open: { modelVersionId: string; weight: number }[]
// @returns lastChange: Date | null
MATCH (e:Ensemble {name: $name})
SET e._lock = true REMOVE e._lock
WITH e
OPTIONAL MATCH (e)-[m:MEMBER]->(mv:ModelVersion)
WITH e, collect(CASE WHEN m IS NOT NULL AND m.to IS NULL THEN {modelVersionId: mv.id, weight: m.weight} END) AS open,
     max(coalesce(m.to, m.from)) AS lastChange
RETURN e {.*} AS ensemble, open, lastChange

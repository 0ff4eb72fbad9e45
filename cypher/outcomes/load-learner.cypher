// Locks an ensemble for a batch of outcomes (batches of one ensemble queue, on every instance) and
// returns what learning needs: its strategy, its open members by model version id, the time of its
// latest membership change, its learner's saved state and version, and what the batch's
// idempotency key recorded if it was seen before.
// @param name: string
// @param key: string | null
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date; strategy?: string; loss?: string; eta?: number; weightFloor?: number; window?: Integer; refitEvery?: Integer }
// @returns members: { modelVersionId: string; model: string; version: string; weight: number }[]
// @returns lastChange: Date | null
// @returns state: string | null
// @returns version: Integer | null
// @returns seen: { outcomes: Integer } | null
MATCH (e:Ensemble {name: $name})
SET e._lock = true REMOVE e._lock
WITH e
CALL (e) {
  OPTIONAL MATCH (e)-[m:MEMBER]->(mv:ModelVersion)-[:VERSION_OF]->(md:Model)
  WITH m, mv, md ORDER BY mv.id
  RETURN collect(CASE WHEN m IS NOT NULL AND m.to IS NULL THEN {modelVersionId: mv.id, model: md.name, version: mv.version, weight: m.weight} END) AS members,
         max(coalesce(m.to, m.from)) AS lastChange
}
OPTIONAL MATCH (l:EnsembleLearner {ensembleId: e.id})
OPTIONAL MATCH (b:OutcomeBatch {ensembleId: e.id, key: $key})
RETURN e {.*} AS ensemble, members, lastChange, l.state AS state, l.version AS version,
       CASE WHEN b IS NULL THEN null ELSE b {.outcomes} END AS seen

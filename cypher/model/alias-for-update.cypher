// Locks the model for the rest of the transaction (so concurrent moves of an alias serialize) and
// returns the version alias $alias points at now (null: unset) and the time of its latest change.
// @param modelId: string
// @param alias: string
// @returns currentVersionId: string | null
// @returns lastChange: Date | null
MATCH (m:Model {id: $modelId})
SET m._LOCK_ = true
REMOVE m._LOCK_
WITH m
OPTIONAL MATCH (m)-[a:ALIAS {name: $alias}]->(mv:ModelVersion)
RETURN head(collect(CASE WHEN a.to IS NULL THEN mv.id END)) AS currentVersionId, max(coalesce(a.to, a.from)) AS lastChange

// Ends alias $alias of the model at $at (world time; to = $at, toRecordedAt = now); the assignment
// stays as history. No open alias: no-op. The caller locked the model and checked $at.
// @param modelId: string
// @param alias: string
// @param at: Date
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
MATCH (m:Model {id: $modelId})
OPTIONAL MATCH (m)-[open:ALIAS {name: $alias}]->(:ModelVersion)
WHERE open.to IS NULL
SET open.to = $at, open.toRecordedAt = datetime()
RETURN m {.*} AS model

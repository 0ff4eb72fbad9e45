// Ends alias $alias of the model now (to = now); the assignment stays as history. No open alias: no-op.
// @param modelId: string
// @param alias: string
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
MATCH (m:Model {id: $modelId})
OPTIONAL MATCH (m)-[open:ALIAS {name: $alias}]->(:ModelVersion)
WHERE open.to IS NULL
SET open.to = datetime()
RETURN m {.*} AS model

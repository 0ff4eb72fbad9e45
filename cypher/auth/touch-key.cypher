// Records that a key was used (written at most once per MODELGRAPH_KEY_LAST_USED_MS per key, not per request).
// @param id: string
// @returns id: string
MATCH (k:ApiKey {id: $id})
SET k.lastUsedAt = datetime()
RETURN k.id AS id

// Stores a new API key: its hash, never the key itself. MERGE on the hash makes ensuring the
// MODELGRAPH_ADMIN_KEY at every start-up idempotent (and concurrent start-ups safe).
// @param hash: string
// @param prefix: string
// @param name: string
// @param role: string
// @param expiresAt: Date | null
// @returns key: { id: string; prefix: string; name: string; role: string; createdAt: Date; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }
MERGE (k:ApiKey {hash: $hash})
  ON CREATE SET k.id = randomUUID(), k.prefix = $prefix, k.name = $name, k.role = $role, k.createdAt = datetime(), k.expiresAt = $expiresAt
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt, .expiresAt, .lastUsedAt} AS key

// Every key, revoked ones included, oldest first; never the hash. Filters (null: any):
// unusedSince: keys not used since then (never used: not since they were created); expired: whether past expiresAt.
// @param unusedSince: Date | null
// @param expired: boolean | null
// @returns key: { id: string; prefix: string; name: string; role: string; createdAt: Date; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }
MATCH (k:ApiKey)
WHERE ($unusedSince IS NULL OR coalesce(k.lastUsedAt, k.createdAt) < $unusedSince)
  AND ($expired IS NULL OR coalesce(k.expiresAt <= datetime(), false) = $expired)
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt, .expiresAt, .lastUsedAt} AS key
ORDER BY k.createdAt, k.id

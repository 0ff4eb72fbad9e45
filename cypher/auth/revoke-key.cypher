// Revokes a key (kept, with revokedAt, so the audit trail can still name it). Revoking twice keeps the first time.
// @param id: string
// @returns key: { id: string; prefix: string; name: string; role: string; createdAt: Date; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt, .expiresAt, .lastUsedAt} AS key

// The active key with this hash, if any (revoked keys are not returned; expired ones are, so the client can be told).
// @param hash: string
// @returns key: { id: string; prefix: string; name: string; role: string; createdAt: Date; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt, .expiresAt, .lastUsedAt} AS key

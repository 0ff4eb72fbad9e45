// The active key with this hash, if any (revoked keys are not returned).
// @param hash: string
// @returns key: { id: string; prefix: string; name: string; role: string; createdAt: Date; revokedAt: Date | null }
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt} AS key

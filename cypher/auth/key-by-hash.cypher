// The active key with this hash, if any (revoked keys are not returned).
// @param hash: string
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt} AS key

// Every key, revoked ones included, oldest first; never the hash.
// @returns key: { id: string; prefix: string; name: string; role: string; createdAt: Date; revokedAt: Date | null }
MATCH (k:ApiKey)
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt} AS key
ORDER BY k.createdAt, k.id

// Every key, revoked ones included, oldest first; never the hash.
MATCH (k:ApiKey)
RETURN k {.id, .prefix, .name, .role, .createdAt, .revokedAt} AS key
ORDER BY k.createdAt, k.id

// How many admin keys are active.
MATCH (k:ApiKey {role: 'admin'})
WHERE k.revokedAt IS NULL
RETURN count(k) AS admins

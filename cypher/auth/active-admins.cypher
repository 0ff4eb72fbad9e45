// How many admin keys are active.
// @returns admins: Integer
MATCH (k:ApiKey {role: 'admin'})
WHERE k.revokedAt IS NULL
RETURN count(k) AS admins

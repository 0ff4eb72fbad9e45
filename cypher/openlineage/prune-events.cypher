// Retention: deletes at most $limit stored events received before $before, oldest first (bounded
// work per call; the index on recordedAt finds them).
// @param before: Date
// @param limit: Integer
// @returns deleted: Integer
MATCH (l:LineageEvent)
WHERE l.recordedAt < $before
WITH l ORDER BY l.recordedAt LIMIT $limit
DELETE l
RETURN count(*) AS deleted

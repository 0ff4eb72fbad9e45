// Retention of outcome batches' idempotency keys: deletes at most $limit keys recorded before
// $before (bounded work per call). A batch retried after its key was deleted counts again.
// @param before: Date
// @param limit: Integer
// @returns deleted: Integer
MATCH (b:OutcomeBatch)
WHERE b.recordedAt < $before
WITH b LIMIT $limit
DELETE b
RETURN count(*) AS deleted

// A page of stored events as received, by event time (Marquez's GET /api/v1/events/lineage:
// after <= eventTime < before, optionally of one namespace, offset paging).
// @param after: Date
// @param before: Date
// @param namespace: string | null
// @param ascending: boolean
// @param offset: Integer
// @param limit: Integer
// @returns json: string
MATCH (l:LineageEvent)
WHERE l.eventTime >= $after AND l.eventTime < $before AND ($namespace IS NULL OR l.namespace = $namespace)
RETURN l.json AS json
ORDER BY CASE WHEN $ascending THEN l.eventTime END ASC, CASE WHEN $ascending THEN l.recordedAt END ASC,
  CASE WHEN $ascending THEN NULL ELSE l.eventTime END DESC, CASE WHEN $ascending THEN NULL ELSE l.recordedAt END DESC, l.hash
SKIP $offset
LIMIT $limit

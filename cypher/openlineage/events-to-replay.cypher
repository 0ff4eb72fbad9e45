// The next stored events to fold again, in the order they happened (event time, then receipt),
// after the cursor [eventTime, recordedAt, hash] of the last page: keyset paging, so a long replay
// costs the same per page.
// @param after: unknown[] | null
// @param limit: Integer
// @returns event: { hash: string; json: string; eventTime: Date; recordedAt: Date }
MATCH (l:LineageEvent)
WHERE $after IS NULL OR l.eventTime > datetime($after[0])
  OR (l.eventTime = datetime($after[0]) AND (l.recordedAt > datetime($after[1])
    OR (l.recordedAt = datetime($after[1]) AND l.hash > $after[2])))
RETURN l {.hash, .json, .eventTime, .recordedAt} AS event
ORDER BY l.eventTime, l.recordedAt, l.hash
LIMIT $limit

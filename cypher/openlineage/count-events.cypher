// How many stored events a listing's filters match (its totalCount).
// @param after: Date
// @param before: Date
// @param namespace: string | null
// @returns total: Integer
MATCH (l:LineageEvent)
WHERE l.eventTime >= $after AND l.eventTime < $before AND ($namespace IS NULL OR l.namespace = $namespace)
RETURN count(l) AS total

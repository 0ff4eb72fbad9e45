// A page of audit events, newest first, after the cursor's (at, id); filters are optional.
// @param actor: string | null
// @param operation: string | null
// @param nodeId: string | null
// @param from: Date | null
// @param to: Date | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns event: { id: string; at: Date; actor: string; actorName: string; kind: string; operation: string; fields: string[]; nodeIds: string[]; requestId: string; outcome: string; errorCodes: string[] }
MATCH (a:AuditEvent)
WHERE ($actor IS NULL OR a.actor = $actor)
  AND ($operation IS NULL OR a.operation = $operation OR $operation IN a.fields)
  AND ($nodeId IS NULL OR $nodeId IN a.nodeIds)
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at < $to)
  AND ($after IS NULL OR a.at < datetime($after[0]) OR (a.at = datetime($after[0]) AND a.id < $after[1]))
RETURN a {.*} AS event
ORDER BY a.at DESC, a.id DESC
LIMIT $limit

// Appends audit events. No relationships to the entities: the trail must outlive them, and must
// not change the graph it describes. Node ids are kept as a list property instead.
// @param events: { actor: string; actorName: string; operation: string; kind: string; fields: string[]; nodeIds: string[]; requestId: string; outcome: string; errorCodes: string[] }[]
// @returns recorded: Integer
UNWIND $events AS e
CREATE (a:AuditEvent {id: randomUUID(), at: datetime({epochMillis: timestamp()})}) // ms: cursors round-trip exactly
SET a += e
RETURN count(a) AS recorded

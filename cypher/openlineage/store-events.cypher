// Keeps accepted events as received, outside the lineage graph (no relationships, so traversals
// never meet them). The same event delivered again (a client's retry) is the one node it was.
// @param events: { hash: string; json: string; bytes: Integer; eventTime: Date; eventType: string | null; runId: string | null; namespace: string | null; jobName: string | null }[]
// @returns stored: Integer
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $events AS e
MERGE (l:LineageEvent {hash: e.hash})
ON CREATE SET l += e, l.recordedAt = datetime({epochMillis: timestamp()})
RETURN count(l) AS stored

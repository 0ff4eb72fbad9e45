// Locks the deployment for the rest of the transaction (so concurrent traffic changes serialize)
// and returns what it serves now and the time of its latest change (a SERVES edge or retirement).
// @param name: string
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
// @returns open: { targetId: string; share: number }[]
// @returns lastChange: Date | null
MATCH (d:Deployment {name: $name})
SET d._lock = true REMOVE d._lock
WITH d
OPTIONAL MATCH (d)-[s:SERVES]->(t)
WITH d, collect(CASE WHEN s IS NOT NULL AND s.to IS NULL THEN {targetId: t.id, share: s.trafficShare} END) AS open,
     max(coalesce(s.to, s.from)) AS lastServed
RETURN d {.*} AS deployment, open,
       CASE WHEN d.retiredAt IS NULL OR lastServed > d.retiredAt THEN lastServed ELSE d.retiredAt END AS lastChange

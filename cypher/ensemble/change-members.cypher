// Closes the open MEMBER edges to $close (to = $now) and opens new ones for $open (from = $now);
// $now is world time, recordedAt/toRecordedAt the transaction's. Edges are never deleted:
// membership at any past time stays a query. An ensemble exists at least since its first member
// joined, so a back-filled change moves its createdAt back.
// @param ensembleId: string
// @param close: string[]
// @param open: { modelVersionId: string; weight: number }[]
// @param now: Date
// @param reason: string | null
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
MATCH (e:Ensemble {id: $ensembleId})
CALL (e) {
  UNWIND $close AS modelVersionId
  MATCH (e)-[m:MEMBER]->(:ModelVersion {id: modelVersionId})
  WHERE m.to IS NULL
  SET m.to = $now, m.toRecordedAt = datetime()
}
CALL (e) {
  UNWIND $open AS member
  MATCH (mv:ModelVersion {id: member.modelVersionId})
  CREATE (e)-[:MEMBER {weight: member.weight, from: $now, reason: $reason, recordedAt: datetime()}]->(mv)
}
SET e.createdAt = CASE WHEN size($open) > 0 AND $now < e.createdAt THEN $now ELSE e.createdAt END
RETURN e {.*} AS ensemble

// Closes the open MEMBER edges to $close (to = $now) and opens new ones for $open (from = $now).
// Edges are never deleted: membership at any past time stays a query.
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
  SET m.to = $now
}
CALL (e) {
  UNWIND $open AS member
  MATCH (mv:ModelVersion {id: member.modelVersionId})
  CREATE (e)-[:MEMBER {weight: member.weight, from: $now, reason: $reason}]->(mv)
}
RETURN e {.*} AS ensemble

// Closes every open SERVES edge of the deployment (to = $now) and opens one per target with its
// share (from = $now): a change of what is served is one instant in the history. $now is world
// time; recordedAt/toRecordedAt the transaction's. A deployment exists at least since it first
// served, so a back-filled change moves its createdAt back.
// @param deploymentId: string
// @param modelVersions: { id: string; share: number }[]
// @param ensembles: { id: string; share: number }[]
// @param now: Date
// @param reason: string | null
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
MATCH (d:Deployment {id: $deploymentId})
CALL (d) {
  MATCH (d)-[s:SERVES]->()
  WHERE s.to IS NULL
  SET s.to = $now, s.toRecordedAt = datetime()
}
CALL (d) {
  UNWIND $modelVersions AS target
  MATCH (mv:ModelVersion {id: target.id})
  CREATE (d)-[:SERVES {trafficShare: target.share, from: $now, reason: $reason, recordedAt: datetime()}]->(mv)
}
CALL (d) {
  UNWIND $ensembles AS target
  MATCH (e:Ensemble {id: target.id})
  CREATE (d)-[:SERVES {trafficShare: target.share, from: $now, reason: $reason, recordedAt: datetime()}]->(e)
}
SET d.createdAt = CASE WHEN $now < d.createdAt THEN $now ELSE d.createdAt END
RETURN d {.*} AS deployment

// Retires the deployment: closes every open SERVES edge (to = $now, world time; toRecordedAt the
// transaction's) and records when and why.
// @param deploymentId: string
// @param now: Date
// @param reason: string | null
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
MATCH (d:Deployment {id: $deploymentId})
CALL (d) {
  MATCH (d)-[s:SERVES]->()
  WHERE s.to IS NULL
  SET s.to = $now, s.toRecordedAt = datetime()
}
SET d.retiredAt = $now, d.retiredReason = $reason
RETURN d {.*} AS deployment

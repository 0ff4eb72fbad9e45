// Deletes an alert rule, returning it as it was; its alerts stay (their history keeps the rule's
// id and name). No row when there is no such rule.
// @param id: string
// @returns rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold?: number; aggregate: string; windowSeconds: Integer; baselineSeconds?: Integer; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean; createdAt: Date; updatedAt: Date }
MATCH (r:AlertRule {id: $id})
WITH r, r {.*} AS rule
DELETE r
RETURN rule

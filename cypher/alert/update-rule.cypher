// Replaces an alert rule's settings (its id and createdAt stay). No row when there is no such rule.
// @param rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold: number | null; aggregate: string; windowSeconds: Integer; baselineSeconds: Integer | null; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean }
// @returns rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold?: number; aggregate: string; windowSeconds: Integer; baselineSeconds?: Integer; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean; createdAt: Date; updatedAt: Date }
MATCH (r:AlertRule {id: $rule.id})
SET r = $rule, r.createdAt = r.createdAt, r.updatedAt = datetime()
RETURN r {.*} AS rule

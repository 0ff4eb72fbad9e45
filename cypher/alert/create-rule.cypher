// A new alert rule (labels as a JSON string).
// @param rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold: number | null; aggregate: string; windowSeconds: Integer; baselineSeconds: Integer | null; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean }
// @returns rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold?: number; aggregate: string; windowSeconds: Integer; baselineSeconds?: Integer; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean; createdAt: Date; updatedAt: Date }
CREATE (r:AlertRule)
SET r = $rule, r.createdAt = datetime(), r.updatedAt = r.createdAt
RETURN r {.*} AS rule

// Alert rules, oldest first: all of them, or those with the given ids.
// @param ids: string[] | null
// @returns rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold?: number; aggregate: string; windowSeconds: Integer; baselineSeconds?: Integer; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean; createdAt: Date; updatedAt: Date }
MATCH (r:AlertRule)
WHERE $ids IS NULL OR r.id IN $ids
RETURN r {.*} AS rule
ORDER BY r.createdAt, r.id

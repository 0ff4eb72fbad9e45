// The enabled alert rules watching the given metric series (the series that just got points).
// @param seriesIds: string[]
// @returns rule: { id: string; name: string; targetKind: string; targetId: string; targetLabel: string; metric: string; condition: string; threshold?: number; aggregate: string; windowSeconds: Integer; baselineSeconds?: Integer; forSeconds: Integer; minPoints: Integer; severity: string; labels: string; enabled: boolean; createdAt: Date; updatedAt: Date }
UNWIND $seriesIds AS seriesId
MATCH (s:MetricSeries {id: seriesId})
MATCH (r:AlertRule {targetId: s.targetId, metric: s.name})
WHERE r.enabled
RETURN DISTINCT r {.*} AS rule

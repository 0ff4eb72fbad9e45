// Alerts, newest first, by state, target, rule, and time: those active at some time in [from, to)
// (begun before $to, not resolved before $from); each filter is optional.
// @param state: string | null
// @param targetId: string | null
// @param ruleId: string | null
// @param from: Date | null
// @param to: Date | null
// @param limit: Integer
// @returns alert: { id: string; ruleId: string; rule: string; severity: string; labels: string; targetKind: string; targetId: string; targetLabel: string; metric: string; state: string; value?: number; startedAt: Date; firedAt?: Date; resolvedAt?: Date; acknowledgedAt?: Date; acknowledgedBy?: string; history: string[] }
MATCH (a:Alert)
WHERE ($state IS NULL OR a.state = $state) AND ($targetId IS NULL OR a.targetId = $targetId)
  AND ($ruleId IS NULL OR a.ruleId = $ruleId)
  AND ($to IS NULL OR a.startedAt < $to) AND ($from IS NULL OR a.resolvedAt IS NULL OR a.resolvedAt >= $from)
RETURN a {.*, openKey: null} AS alert
ORDER BY a.startedAt DESC, a.id
LIMIT $limit

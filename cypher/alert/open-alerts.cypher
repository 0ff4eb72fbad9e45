// The open (not resolved) alerts of the given rules: at most one per rule.
// @param ruleIds: string[]
// @returns alert: { id: string; ruleId: string; rule: string; severity: string; labels: string; targetKind: string; targetId: string; targetLabel: string; metric: string; state: string; value?: number; startedAt: Date; firedAt?: Date; resolvedAt?: Date; acknowledgedAt?: Date; acknowledgedBy?: string; history: string[] }
MATCH (a:Alert) WHERE a.ruleId IN $ruleIds AND a.openKey IS NOT NULL
RETURN a {.*, openKey: null} AS alert

// One alert by id; no row when there is none.
// @param id: string
// @returns alert: { id: string; ruleId: string; rule: string; severity: string; labels: string; targetKind: string; targetId: string; targetLabel: string; metric: string; state: string; value?: number; startedAt: Date; firedAt?: Date; resolvedAt?: Date; acknowledgedAt?: Date; acknowledgedBy?: string; history: string[] }
MATCH (a:Alert {id: $id})
RETURN a {.*, openKey: null} AS alert

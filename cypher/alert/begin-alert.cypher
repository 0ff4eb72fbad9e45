// Opens the alert of a rule on its target, unless one is open already: the unique openKey (rule
// and target, removed on resolution) makes concurrent openers, on any instance, queue on the
// constraint; exactly one creates it, and only it gets `opened` = true (and delivers). No row when
// the rule is gone: an evaluation that read the rule before it was deleted opens nothing (deleting a
// rule resolves its open alert, and a late opener would leave one open for a rule nobody evaluates).
// @param openKey: string
// @param alert: { id: string; ruleId: string; rule: string; severity: string; labels: string; targetKind: string; targetId: string; targetLabel: string; metric: string; state: string; value: number | null; startedAt: Date; firedAt: Date | null; history: string[] }
// @returns opened: boolean
// @returns alert: { id: string; ruleId: string; rule: string; severity: string; labels: string; targetKind: string; targetId: string; targetLabel: string; metric: string; state: string; value?: number; startedAt: Date; firedAt?: Date; resolvedAt?: Date; acknowledgedAt?: Date; acknowledgedBy?: string; history: string[] }
MATCH (:AlertRule {id: $alert.ruleId})
MERGE (a:Alert {openKey: $openKey})
  ON CREATE SET a += $alert
RETURN a.id = $alert.id AS opened, a {.*, openKey: null} AS alert

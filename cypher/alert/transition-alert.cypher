// Moves an alert from the state the caller saw to the next one, only if it is still in it. The
// first SET takes the alert's write lock before its state is read, so of two instances making the
// same change at once one waits for the other's commit, then finds the state moved on and changes
// nothing (no row): a change is made, and delivered, once. Resolving frees the rule's openKey.
// @param id: string
// @param expected: string[]
// @param state: string
// @param at: Date
// @param value: number | null
// @param by: string | null
// @param entry: string
// @returns alert: { id: string; ruleId: string; rule: string; severity: string; labels: string; targetKind: string; targetId: string; targetLabel: string; metric: string; state: string; value?: number; startedAt: Date; firedAt?: Date; resolvedAt?: Date; acknowledgedAt?: Date; acknowledgedBy?: string; history: string[] }
MATCH (a:Alert {id: $id})
SET a._lock = true
WITH a, a.state IN $expected AS current
REMOVE a._lock
WITH a WHERE current
SET a.state = $state,
    a.value = CASE WHEN $state = 'ACKNOWLEDGED' THEN a.value ELSE $value END,
    a.firedAt = CASE WHEN $state = 'FIRING' THEN $at ELSE a.firedAt END,
    a.resolvedAt = CASE WHEN $state = 'RESOLVED' THEN $at ELSE a.resolvedAt END,
    a.acknowledgedAt = CASE WHEN $state = 'ACKNOWLEDGED' THEN $at ELSE a.acknowledgedAt END,
    a.acknowledgedBy = CASE WHEN $state = 'ACKNOWLEDGED' THEN $by ELSE a.acknowledgedBy END,
    a.openKey = CASE WHEN $state = 'RESOLVED' THEN null ELSE a.openKey END,
    a.history = a.history + $entry
RETURN a {.*, openKey: null} AS alert

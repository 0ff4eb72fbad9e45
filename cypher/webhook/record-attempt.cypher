// Appends an attempt (a JSON string) to a delivery's log, sets its status and, while it stays
// pending, when the next attempt is due; releases the lease. Only the holder of the claim records
// (no row otherwise: its lease ran out and another instance took the delivery over).
// @param id: string
// @param claim: string
// @param attempt: string
// @param status: string
// @param nextAttemptAt: Date | null
// @returns id: string
MATCH (d:WebhookDelivery {id: $id})
SET d._lock = true
WITH d, d.claim = $claim AS held
REMOVE d._lock
WITH d WHERE held
SET d.attempts = d.attempts + $attempt, d.status = $status, d.nextAttemptAt = $nextAttemptAt, d.leaseUntil = null, d.claim = null
RETURN d.id AS id

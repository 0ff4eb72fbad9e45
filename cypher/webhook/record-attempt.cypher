// Appends an attempt (a JSON string) to a delivery's log and sets its status.
// @param id: string
// @param attempt: string
// @param status: string
// @returns id: string
MATCH (d:WebhookDelivery {id: $id})
SET d.attempts = d.attempts + $attempt, d.status = $status
RETURN d.id AS id

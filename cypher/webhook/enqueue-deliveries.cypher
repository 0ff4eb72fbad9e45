// One pending delivery of an event to every webhook that asked for its type, in the transaction
// that made the event happen: it is enqueued once, whichever instance made it. Its first attempt
// is due at once ($now: this instance's clock, which claims compare with).
// @param event: string
// @param body: string
// @param now: Date
// @returns id: string
MATCH (w:Webhook) WHERE $event IN w.events
CREATE (d:WebhookDelivery {id: randomUUID(), webhookId: w.id, event: $event, body: $body, status: 'PENDING', createdAt: datetime(), nextAttemptAt: $now, attempts: []})
RETURN d.id AS id

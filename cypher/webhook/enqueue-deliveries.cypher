// One pending delivery of each event (a body per event, all of one type) to every webhook that
// asked for the type, in the transaction that made the events happen: each is enqueued once,
// whichever instance made it. Its first attempt is due at once ($now: this instance's clock,
// which claims compare with).
// @param event: string
// @param bodies: string[]
// @param now: Date
// @returns id: string
UNWIND $bodies AS body
MATCH (w:Webhook) WHERE $event IN w.events
CREATE (d:WebhookDelivery {id: randomUUID(), webhookId: w.id, event: $event, body: body, status: 'PENDING', createdAt: datetime(), nextAttemptAt: $now, attempts: []})
RETURN d.id AS id

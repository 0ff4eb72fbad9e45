// One pending delivery of an event to every webhook that asked for its type, in the transaction
// that made the event happen: it is enqueued once, whichever instance made it.
// @param event: string
// @param body: string
// @returns id: string
MATCH (w:Webhook) WHERE $event IN w.events
CREATE (d:WebhookDelivery {id: randomUUID(), webhookId: w.id, event: $event, body: $body, status: 'PENDING', createdAt: datetime(), attempts: []})
RETURN d.id AS id

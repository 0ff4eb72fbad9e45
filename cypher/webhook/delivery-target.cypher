// What an attempt at a pending delivery needs: its body, and its webhook's URL and secret. No row
// when the delivery is no longer pending or its webhook was deleted.
// @param id: string
// @returns body: string
// @returns attempts: Integer
// @returns url: string
// @returns secret: string
MATCH (d:WebhookDelivery {id: $id, status: 'PENDING'})
MATCH (w:Webhook {id: d.webhookId})
RETURN d.body AS body, size(d.attempts) AS attempts, w.url AS url, w.secret AS secret

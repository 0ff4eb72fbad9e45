// Deliveries, newest first, of one webhook or of all; optionally of one status.
// @param webhookId: string | null
// @param status: string | null
// @param limit: Integer
// @returns delivery: { id: string; webhookId: string; event: string; body: string; status: string; createdAt: Date; attempts: string[] }
MATCH (d:WebhookDelivery)
WHERE ($webhookId IS NULL OR d.webhookId = $webhookId) AND ($status IS NULL OR d.status = $status)
RETURN d {.*} AS delivery
ORDER BY d.createdAt DESC, d.id
LIMIT $limit

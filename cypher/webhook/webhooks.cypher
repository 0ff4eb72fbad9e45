// Every webhook endpoint, oldest first (without their secrets).
// @returns webhook: { id: string; url: string; events: string[]; createdAt: Date }
MATCH (w:Webhook)
RETURN w {.id, .url, .events, .createdAt} AS webhook
ORDER BY w.createdAt, w.id

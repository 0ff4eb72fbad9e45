// A webhook endpoint: where events of the given types are posted, signed with its secret.
// @param webhook: { id: string; url: string; secret: string; events: string[] }
// @returns webhook: { id: string; url: string; events: string[]; createdAt: Date }
CREATE (w:Webhook)
SET w = $webhook, w.createdAt = datetime()
RETURN w {.id, .url, .events, .createdAt} AS webhook

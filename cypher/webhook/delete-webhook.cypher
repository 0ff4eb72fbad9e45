// Deletes a webhook endpoint (its delivery log stays); no row when there is none.
// @param id: string
// @returns webhook: { id: string; url: string; events: string[]; createdAt: Date }
MATCH (w:Webhook {id: $id})
WITH w, w {.id, .url, .events, .createdAt} AS webhook
DELETE w
RETURN webhook

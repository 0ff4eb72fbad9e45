// Pending deliveries whose next attempt is due by $now and that no one holds a lease on, the
// longest-waiting first: what a sweep claims (claim-deliveries.cypher decides, under the lock).
// Deliveries enqueued before next attempts were stored are due from their creation; those of a
// deleted webhook are left alone (nowhere to post them).
// @param now: Date
// @param limit: Integer
// @returns id: string
MATCH (d:WebhookDelivery {status: 'PENDING'})
WHERE coalesce(d.nextAttemptAt, d.createdAt) <= $now AND (d.leaseUntil IS NULL OR d.leaseUntil <= $now)
  AND EXISTS { MATCH (:Webhook {id: d.webhookId}) }
RETURN d.id AS id
ORDER BY coalesce(d.nextAttemptAt, d.createdAt), d.id
LIMIT $limit

// Claims deliveries for one attempt each: of $ids, those still pending, due by $now and not leased
// (or whose lease ran out) get the lease $claim until $leaseUntil, and their attempt's needs are
// returned (body, attempts so far, the webhook's URL and secret). The first SET takes each
// delivery's write lock before anything of it is read, so of two instances claiming one delivery
// at once one waits for the other's commit, then finds it leased and gets no row: each attempt is
// made once, whichever instances sweep. A delivery whose webhook was deleted gives no row.
// @param ids: string[]
// @param now: Date
// @param claim: string
// @param leaseUntil: Date
// @returns id: string
// @returns body: string
// @returns attempts: Integer
// @returns url: string
// @returns secret: string
UNWIND $ids AS id
MATCH (d:WebhookDelivery {id: id})
SET d._lock = true
WITH d, d.status = 'PENDING' AND coalesce(d.nextAttemptAt, d.createdAt) <= $now AND (d.leaseUntil IS NULL OR d.leaseUntil <= $now) AS free
REMOVE d._lock
WITH d WHERE free
MATCH (w:Webhook {id: d.webhookId})
SET d.claim = $claim, d.leaseUntil = $leaseUntil
RETURN d.id AS id, d.body AS body, size(d.attempts) AS attempts, w.url AS url, w.secret AS secret

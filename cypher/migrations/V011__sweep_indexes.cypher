// Indexes for the background sweeps, so their cost follows what is due rather than what was ever
// stored: pending webhook deliveries (due-deliveries.cypher looks for status 'PENDING' among every
// delivery ever made) and old idempotency keys of outcome batches (prune-batch-keys.cypher).
CREATE INDEX webhook_delivery_status IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.status);
CREATE INDEX outcome_batch_recorded_at IF NOT EXISTS FOR (n:OutcomeBatch) ON (n.recordedAt);

// The store of OpenLineage events as received (:LineageEvent, outside the lineage graph): one node
// per distinct event (the hash of its JSON), listed by event time (with or without the job's
// namespace), pruned by the time it was received (retention). Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT lineage_event_hash IF NOT EXISTS FOR (n:LineageEvent) REQUIRE n.hash IS UNIQUE;
CREATE INDEX lineage_event_time IF NOT EXISTS FOR (n:LineageEvent) ON (n.eventTime);
CREATE INDEX lineage_event_namespace_time IF NOT EXISTS FOR (n:LineageEvent) ON (n.namespace, n.eventTime);
CREATE INDEX lineage_event_recorded_at IF NOT EXISTS FOR (n:LineageEvent) ON (n.recordedAt);

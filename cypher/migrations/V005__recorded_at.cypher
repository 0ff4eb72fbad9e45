// When each thing was recorded (transaction time), for data written before writes kept it: a node
// was recorded when it came to be (createdAt; a field with its version), a relationship when it
// began (from, or a supersession's at) and never before both its ends; a closed interval's end was
// recorded when it ended. Best guesses that keep old answers: "known since it was true". Only
// what lacks the property is written, so the migration is idempotent; each statement commits in
// batches (the runner uses auto-commit transactions, so CALL ... IN TRANSACTIONS is allowed).
MATCH (n)
WHERE n.recordedAt IS NULL AND (n:Dataset OR n:DatasetVersion OR n:Feature OR n:Job OR n:Run OR n:Model OR n:ModelVersion
  OR n:Ensemble OR n:Deployment)
CALL (n) { SET n.recordedAt = coalesce(n.createdAt, datetime()) } IN TRANSACTIONS OF 10000 ROWS;
MATCH (f:Field)
WHERE f.recordedAt IS NULL
OPTIONAL MATCH (v:DatasetVersion)-[:HAS_FIELD]->(f)
CALL (f, v) { SET f.recordedAt = coalesce(f.createdAt, v.recordedAt, v.createdAt, datetime()) } IN TRANSACTIONS OF 10000 ROWS;
MATCH (a)-[r]->(b)
WHERE r.recordedAt IS NULL AND type(r) IN ['VERSION_OF', 'HAS_FIELD', 'DERIVED_FROM', 'RUN_OF', 'READ', 'WROTE', 'CHILD_OF',
  'PRODUCED_BY', 'TRAINED_ON', 'USES_FEATURE', 'ALIAS', 'SUPERSEDED_BY', 'MEMBER', 'SERVES']
CALL (a, r, b) {
  WITH r, coalesce(a.recordedAt, a.createdAt) AS ra, coalesce(b.recordedAt, b.createdAt) AS rb
  SET r.recordedAt = coalesce(r.from, r.at, CASE WHEN ra IS NULL OR rb > ra THEN rb ELSE ra END, datetime())
} IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[r]->()
WHERE r.to IS NOT NULL AND r.toRecordedAt IS NULL AND type(r) IN ['ALIAS', 'MEMBER', 'SERVES', 'DERIVED_FROM']
CALL (r) { SET r.toRecordedAt = r.to } IN TRANSACTIONS OF 10000 ROWS;

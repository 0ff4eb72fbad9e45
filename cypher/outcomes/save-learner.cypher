// After a batch of outcomes: saves the learner's state (a new version), remembers the batch's
// idempotency key, and records the batch's weight changes as membership history. The open edges
// of $close end at their `to`; the edges of $open are created with their `from` and, when a later
// change of the same batch ended them already, their `to`. Closing runs before opening, so it
// never ends an edge this batch created.
// @param ensembleId: string
// @param state: string
// @param key: string | null
// @param outcomes: Integer
// @param close: { modelVersionId: string; to: Date }[]
// @param open: { modelVersionId: string; weight: number; from: Date; to: Date | null; reason: string }[]
// @returns version: Integer
MERGE (l:EnsembleLearner {ensembleId: $ensembleId})
  ON CREATE SET l.version = 0
SET l.state = $state, l.version = l.version + 1, l.updatedAt = datetime()
WITH l
CALL (l) {
  WITH l WHERE $key IS NOT NULL
  CREATE (:OutcomeBatch {ensembleId: $ensembleId, key: $key, outcomes: $outcomes, recordedAt: datetime()})
}
CALL () {
  UNWIND $close AS c
  MATCH (:Ensemble {id: $ensembleId})-[m:MEMBER]->(:ModelVersion {id: c.modelVersionId})
  WHERE m.to IS NULL
  SET m.to = c.to, m.toRecordedAt = datetime()
}
CALL () {
  UNWIND $open AS o
  MATCH (e:Ensemble {id: $ensembleId}), (mv:ModelVersion {id: o.modelVersionId})
  CREATE (e)-[m:MEMBER {weight: o.weight, from: o.from, reason: o.reason, recordedAt: datetime()}]->(mv)
  SET m.to = o.to, m.toRecordedAt = CASE WHEN o.to IS NULL THEN null ELSE datetime() END
}
RETURN l.version AS version

// Creates the feature named by (namespace, name) or updates it, and changes the fields it is
// DERIVED_FROM at $changeAt (world time): the open edges to $close get to = $changeAt, new edges to
// $open get from = $changeAt, so what it was derived from at any past time stays a query (the
// caller decided both lists from feature/for-update). A new feature exists from $at (default: the
// change time, else now); recordedAt and toRecordedAt are the transaction's time.
// @param namespace: string
// @param name: string
// @param description: string | null
// @param transformation: string | null
// @param at: Date | null
// @param changeAt: Date | null
// @param close: string[]
// @param open: string[]
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
MERGE (f:Feature {namespace: $namespace, name: $name})
  ON CREATE SET f.id = randomUUID(), f.createdAt = coalesce($at, $changeAt, datetime()), f.recordedAt = datetime(),
                f.description = $description, f.transformation = $transformation
  ON MATCH SET f.description = coalesce($description, f.description),
               f.transformation = coalesce($transformation, f.transformation)
WITH f
CALL (f) {
  UNWIND $close AS fieldId
  MATCH (f)-[old:DERIVED_FROM]->(:Field {id: fieldId})
  WHERE old.to IS NULL
  SET old.to = $changeAt, old.toRecordedAt = datetime()
}
CALL (f) {
  UNWIND $open AS fieldId
  MATCH (x:Field {id: fieldId})
  CREATE (f)-[:DERIVED_FROM {from: $changeAt, recordedAt: datetime()}]->(x)
}
RETURN f {.*} AS feature

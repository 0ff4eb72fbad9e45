// Placeholder versions $initialVersion (contentHash null: content unknown) of datasets read while
// no real version was known: created if new, createdAt lowered to the earliest time one was read
// at (fields with it), and the fields the batch's events described, at the positions worked out
// in event order. Returns each one's id.
// @param initialVersion: string
// @param placeholders: { namespace: string; name: string; createdAt: Date; fields: { name: string; type: string | null; description: string | null; profile: null; position: Integer }[] }[]
// @returns namespace: string
// @returns name: string
// @returns version: string
// @returns id: string
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $placeholders AS p
MATCH (d:Dataset {namespace: p.namespace, name: p.name})
MERGE (v:DatasetVersion {datasetId: d.id, version: $initialVersion})
  ON CREATE SET v.id = randomUUID(), v.contentHash = null, v.fingerprint = null, v.rowCount = null, v.createdAt = p.createdAt, v.recordedAt = datetime()
MERGE (v)-[vo:VERSION_OF]->(d)
  ON CREATE SET vo.recordedAt = datetime()
WITH v, p
CALL (v, p) {
  WITH v, p WHERE v.contentHash IS NULL
  SET v.createdAt = CASE WHEN p.createdAt < v.createdAt THEN p.createdAt ELSE v.createdAt END
  WITH v, p
  CALL (v) {
    MATCH (v)-[:HAS_FIELD]->(old:Field) WHERE old.createdAt > v.createdAt
    SET old.createdAt = v.createdAt
  }
  UNWIND p.fields AS f
  MERGE (field:Field {datasetVersionId: v.id, name: f.name})
    ON CREATE SET field.id = randomUUID(), field.type = f.type, field.description = f.description, field.profile = f.profile, field.position = f.position,
                  field.createdAt = v.createdAt, field.recordedAt = datetime()
  MERGE (v)-[h:HAS_FIELD]->(field)
    ON CREATE SET h.recordedAt = datetime()
}
RETURN p.namespace AS namespace, p.name AS name, v.version AS version, v.id AS id

// The versions COMPLETE runs wrote (and DatasetEvents described: runId null), with their fields;
// returns each version's id. MERGE on (dataset, version): a replayed event finds its version, and
// of several rows for one version (sent in event order) the first creates it. A version registered
// before with other content keeps its content (versions are immutable); the run is still linked to
// it. createdAt: the writer's COMPLETE eventTime (the event's, for a DatasetEvent); recordedAt: now.
// `id`: a new UUID per row, the id of the version if this row creates it: then its fields are new
// too and are CREATEd (no index look-up and lock per field, about half the statement's work);
// rows that find the version MERGE theirs. `fields` hold each name once.
// @param versions: { id: string; runId: string | null; namespace: string; name: string; version: string; contentHash: string; rowCount: Integer | null; createdAt: Date; fields: { name: string; type: string | null; description: string | null; profile: null; position: Integer }[] }[]
// @returns namespace: string
// @returns name: string
// @returns version: string
// @returns id: string
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $versions AS out
MATCH (d:Dataset {namespace: out.namespace, name: out.name})
MERGE (v:DatasetVersion {datasetId: d.id, version: out.version})
  ON CREATE SET v.id = out.id, v.contentHash = out.contentHash, v.fingerprint = null, v.rowCount = out.rowCount,
                v.createdAt = out.createdAt, v.recordedAt = datetime(), d.updatedAt = datetime()
MERGE (v)-[vo:VERSION_OF]->(d)
  ON CREATE SET vo.recordedAt = datetime()
WITH v, out
CALL (v, out) {
  MATCH (r:Run {runId: out.runId})
  MERGE (r)-[w:WROTE]->(v)
    ON CREATE SET w.recordedAt = datetime()
}
CALL (v, out) {
  WITH v, out WHERE v.id = out.id
  UNWIND out.fields AS f
  CREATE (v)-[:HAS_FIELD {recordedAt: datetime()}]->(:Field {
    datasetVersionId: v.id, name: f.name, id: randomUUID(), type: f.type, description: f.description, profile: f.profile, position: f.position,
    createdAt: v.createdAt, recordedAt: datetime()
  })
}
CALL (v, out) {
  WITH v, out WHERE v.id <> out.id AND v.contentHash = out.contentHash
  UNWIND out.fields AS f
  MERGE (field:Field {datasetVersionId: v.id, name: f.name})
    ON CREATE SET field.id = randomUUID(), field.type = f.type, field.description = f.description, field.profile = f.profile, field.position = f.position,
                  field.createdAt = v.createdAt, field.recordedAt = datetime()
  MERGE (v)-[h:HAS_FIELD]->(field)
    ON CREATE SET h.recordedAt = datetime()
}
RETURN out.namespace AS namespace, out.name AS name, v.version AS version, v.id AS id

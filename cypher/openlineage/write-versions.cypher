// The versions COMPLETE runs wrote, with their fields; returns each version's id. MERGE on
// (dataset, version): a replayed event finds its version, and of several rows for one version
// (sent in event order) the first creates it. A version registered before with other content keeps
// its content (versions are immutable); the run is still linked to it.
// @param versions: { runId: string; namespace: string; name: string; version: string; contentHash: string; rowCount: Integer | null; createdAt: Date; fields: { name: string; type: string | null; description: string | null; profile: null; position: Integer }[] }[]
// @returns namespace: string
// @returns name: string
// @returns version: string
// @returns id: string
UNWIND $versions AS out
MATCH (r:Run {runId: out.runId})
MATCH (d:Dataset {namespace: out.namespace, name: out.name})
MERGE (v:DatasetVersion {datasetId: d.id, version: out.version})
  ON CREATE SET v.id = randomUUID(), v.contentHash = out.contentHash, v.fingerprint = null, v.rowCount = out.rowCount,
                v.createdAt = out.createdAt, d.updatedAt = datetime()
MERGE (v)-[:VERSION_OF]->(d)
MERGE (r)-[:WROTE]->(v)
WITH v, out
CALL (v, out) {
  WITH v, out WHERE v.contentHash = out.contentHash
  UNWIND out.fields AS f
  MERGE (field:Field {datasetVersionId: v.id, name: f.name})
    ON CREATE SET field.id = randomUUID(), field.type = f.type, field.description = f.description, field.profile = f.profile, field.position = f.position
  MERGE (v)-[:HAS_FIELD]->(field)
}
RETURN out.namespace AS namespace, out.name AS name, v.version AS version, v.id AS id

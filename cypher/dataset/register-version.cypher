// Registers an immutable dataset version (and its dataset, if new) with its fields. When the
// version exists already nothing is written: the caller compares contentHash to detect a conflict.
// World time: the version (and its fields) exist from $createdAt (default now); a dataset exists
// at least since its earliest version, so a back-filled version moves its dataset's createdAt back.
// Everything written is recordedAt now (transaction time).
// @param namespace: string
// @param name: string
// @param version: string
// @param contentHash: string
// @param fingerprint: string | null
// @param rowCount: Integer | null
// @param createdAt: Date | null
// @param fields: { name: string; type: string | null; description: string | null; profile: string | null; position: Integer }[]
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
// @returns created: boolean
WITH coalesce($createdAt, datetime()) AS at
MERGE (d:Dataset {namespace: $namespace, name: $name})
  ON CREATE SET d.id = randomUUID(), d.createdAt = at, d.recordedAt = datetime(), d.updatedAt = datetime()
WITH d, at
OPTIONAL MATCH (existing:DatasetVersion {datasetId: d.id, version: $version})
CALL (d, existing, at) {
  WITH d, existing, at WHERE existing IS NULL
  CREATE (v:DatasetVersion {id: randomUUID(), datasetId: d.id, version: $version, contentHash: $contentHash,
                            fingerprint: $fingerprint, rowCount: $rowCount, createdAt: at, recordedAt: datetime()})
  CREATE (v)-[:VERSION_OF {recordedAt: datetime()}]->(d)
  SET d.updatedAt = datetime(), d.createdAt = CASE WHEN at < d.createdAt THEN at ELSE d.createdAt END
  WITH v
  CALL (v) {
    UNWIND $fields AS f
    CREATE (v)-[:HAS_FIELD {recordedAt: datetime()}]->(:Field {id: randomUUID(), datasetVersionId: v.id, name: f.name, type: f.type,
                                      description: f.description, profile: f.profile, position: f.position,
                                      createdAt: v.createdAt, recordedAt: datetime()})
  }
  RETURN v, true AS created
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS v, false AS created
}
RETURN v {.*} AS version, created

// Registers an immutable model version (and its model, if new) with the data it was trained on,
// the features it uses and the run that produced it; every referenced id was resolved beforehand.
// When the version exists already nothing is written: the caller compares contentHash.
// World time: the version exists from $createdAt (default now); a model exists at least since its
// earliest version (a back-filled version moves its createdAt back). Everything is recordedAt now.
// @param model: string
// @param version: string
// @param contentHash: string
// @param tags: string[]
// @param metrics: string | null
// @param createdAt: Date | null
// @param runId: string | null
// @param trainedOn: { datasetVersionId: string; role: string }[]
// @param features: { featureId: string; importance: number }[]
// @returns version: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
// @returns created: boolean
WITH coalesce($createdAt, datetime()) AS at
MERGE (m:Model {name: $model})
  ON CREATE SET m.id = randomUUID(), m.createdAt = at, m.recordedAt = datetime()
WITH m, at
OPTIONAL MATCH (existing:ModelVersion {modelId: m.id, version: $version})
CALL (m, existing, at) {
  WITH m, existing, at WHERE existing IS NULL
  CREATE (mv:ModelVersion {id: randomUUID(), modelId: m.id, version: $version, contentHash: $contentHash,
                           tags: $tags, metrics: $metrics, createdAt: at, recordedAt: datetime()})
  CREATE (mv)-[:VERSION_OF {recordedAt: datetime()}]->(m)
  SET m.createdAt = CASE WHEN at < m.createdAt THEN at ELSE m.createdAt END
  WITH mv
  CALL (mv) {
    UNWIND $trainedOn AS t
    MATCH (dv:DatasetVersion {id: t.datasetVersionId})
    CREATE (mv)-[:TRAINED_ON {role: t.role, recordedAt: datetime()}]->(dv)
  }
  CALL (mv) {
    UNWIND $features AS u
    MATCH (f:Feature {id: u.featureId})
    CREATE (mv)-[:USES_FEATURE {importance: u.importance, recordedAt: datetime()}]->(f)
  }
  CALL (mv) {
    MATCH (r:Run {runId: $runId})
    CREATE (mv)-[:PRODUCED_BY {recordedAt: datetime()}]->(r)
  }
  RETURN mv, true AS created
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS mv, false AS created
}
RETURN mv {.*} AS version, created

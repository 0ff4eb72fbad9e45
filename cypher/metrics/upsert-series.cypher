// For each (target, metric name): the metric's series, created on first use and linked to the
// target by MEASURES. Rows whose target does not exist are left out (the caller reports them).
// A model version is named by id (key) or, with model and version set, by its natural key.
// @param series: { kind: string; key: string; model: string | null; version: string | null; name: string }[]
// @returns kind: string
// @returns key: string
// @returns name: string
// @returns seriesId: string
UNWIND $series AS s
CALL (s) {
  OPTIONAL MATCH (mv:ModelVersion {id: s.key}) WHERE s.kind = 'MODEL_VERSION' AND s.model IS NULL
  OPTIONAL MATCH (:Model {name: s.model})<-[:VERSION_OF]-(mk:ModelVersion {version: s.version}) WHERE s.kind = 'MODEL_VERSION'
  OPTIONAL MATCH (d:Deployment {name: s.key}) WHERE s.kind = 'DEPLOYMENT'
  OPTIONAL MATCH (e:Ensemble {name: s.key}) WHERE s.kind = 'ENSEMBLE'
  RETURN coalesce(mv, mk, d, e) AS target
}
WITH s, target WHERE target IS NOT NULL
MERGE (ms:MetricSeries {targetId: target.id, name: s.name})
  ON CREATE SET ms.id = randomUUID(), ms.targetKind = s.kind, ms.createdAt = datetime()
MERGE (ms)-[:MEASURES]->(target)
RETURN s.kind AS kind, s.key AS key, s.name AS name, ms.id AS seriesId

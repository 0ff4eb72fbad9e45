// For each (target, metric name): the metric's series, created on first use and linked to the
// target by MEASURES. Rows whose target does not exist are left out (the caller reports them).
// A model version is named by id (key) or, with model and version set, by its natural key.
// A series that exists is only read: its MERGE (with the MEASURES link's, which locks the target
// until commit) runs only for a new one, so writers to other series of one target do not queue.
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
OPTIONAL MATCH (found:MetricSeries {targetId: target.id, name: s.name})
CALL (s, target, found) {
  WITH s, target WHERE found IS NULL
  MERGE (ms:MetricSeries {targetId: target.id, name: s.name})
    ON CREATE SET ms.id = randomUUID(), ms.targetKind = s.kind, ms.createdAt = datetime()
  MERGE (ms)-[:MEASURES]->(target)
  RETURN ms.id AS seriesId
  UNION ALL
  WITH found WHERE found IS NOT NULL
  RETURN found.id AS seriesId
}
RETURN s.kind AS kind, s.key AS key, s.name AS name, seriesId

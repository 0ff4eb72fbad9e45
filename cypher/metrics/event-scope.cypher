// A metric target and the model versions behind it: a model version itself (by id, or by model +
// version); a deployment's served model versions, directly or through a served ensemble's members; an
// ensemble's members (any time). Also the ensembles whose membership changes belong on its time line:
// the ensemble itself, or those the deployment serves or served.
// @param kind: string
// @param key: string
// @param model: string | null
// @param version: string | null
// @returns targetId: string
// @returns modelVersions: { id: string; elementId: string }[]
// @returns ensembleIds: string[]
OPTIONAL MATCH (mv:ModelVersion {id: $key}) WHERE $kind = 'MODEL_VERSION' AND $model IS NULL
OPTIONAL MATCH (:Model {name: $model})<-[:VERSION_OF]-(mk:ModelVersion {version: $version}) WHERE $kind = 'MODEL_VERSION'
OPTIONAL MATCH (d:Deployment {name: $key}) WHERE $kind = 'DEPLOYMENT'
OPTIONAL MATCH (e:Ensemble {name: $key}) WHERE $kind = 'ENSEMBLE'
WITH coalesce(mv, mk, d, e) AS target
WHERE target IS NOT NULL
CALL (target) {
  OPTIONAL MATCH (target)-[:SERVES|MEMBER]->(x)
  OPTIONAL MATCH (x)-[:MEMBER]->(y:ModelVersion)
  WITH collect(DISTINCT CASE WHEN x:ModelVersion THEN x END) + collect(DISTINCT y) AS versions,
       collect(DISTINCT CASE WHEN x:Ensemble THEN x.id END) AS served
  RETURN CASE WHEN target:ModelVersion THEN [target] ELSE versions END AS versions,
         CASE WHEN target:Ensemble THEN [target.id] ELSE served END AS ensembleIds
}
RETURN target.id AS targetId, [v IN versions | {id: v.id, elementId: elementId(v)}] AS modelVersions, ensembleIds

// A metric target and the model versions behind it: a model version itself; a deployment's served
// model versions, directly or through a served ensemble's members; an ensemble's members (any time).
// @param kind: string
// @param key: string
// @returns targetId: string
// @returns modelVersionIds: string[]
OPTIONAL MATCH (mv:ModelVersion {id: $key}) WHERE $kind = 'MODEL_VERSION'
OPTIONAL MATCH (d:Deployment {name: $key}) WHERE $kind = 'DEPLOYMENT'
OPTIONAL MATCH (e:Ensemble {name: $key}) WHERE $kind = 'ENSEMBLE'
WITH coalesce(mv, d, e) AS target
WHERE target IS NOT NULL
CALL (target) {
  OPTIONAL MATCH (target)-[:SERVES|MEMBER]->(x)
  OPTIONAL MATCH (x)-[:MEMBER]->(y:ModelVersion)
  RETURN collect(DISTINCT CASE WHEN x:ModelVersion THEN x.id END) + collect(DISTINCT y.id) AS versions
}
RETURN target.id AS targetId, CASE WHEN $kind = 'MODEL_VERSION' THEN [target.id] ELSE versions END AS modelVersionIds

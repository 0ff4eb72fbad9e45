// The id of a metric target (a model version by id, a deployment or ensemble by name), if it exists.
// @param kind: string
// @param key: string
// @returns id: string
OPTIONAL MATCH (mv:ModelVersion {id: $key}) WHERE $kind = 'MODEL_VERSION'
OPTIONAL MATCH (d:Deployment {name: $key}) WHERE $kind = 'DEPLOYMENT'
OPTIONAL MATCH (e:Ensemble {name: $key}) WHERE $kind = 'ENSEMBLE'
WITH coalesce(mv, d, e) AS target
WHERE target IS NOT NULL
RETURN target.id AS id

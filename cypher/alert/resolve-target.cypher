// The node a rule watches, by the metric target's kind and key (a model version by id, or with
// model and version set by its natural key), with its display label. No row when it does not exist.
// @param kind: string
// @param key: string
// @param model: string | null
// @param version: string | null
// @returns id: string
// @returns label: string
CALL () {
  OPTIONAL MATCH (m1:Model)<-[:VERSION_OF]-(mv:ModelVersion {id: $key}) WHERE $kind = 'MODEL_VERSION' AND $model IS NULL
  OPTIONAL MATCH (m2:Model {name: $model})<-[:VERSION_OF]-(mk:ModelVersion {version: $version}) WHERE $kind = 'MODEL_VERSION'
  OPTIONAL MATCH (d:Deployment {name: $key}) WHERE $kind = 'DEPLOYMENT'
  OPTIONAL MATCH (e:Ensemble {name: $key}) WHERE $kind = 'ENSEMBLE'
  RETURN coalesce(mv, mk, d, e) AS target, coalesce(m1.name + '@' + mv.version, m2.name + '@' + mk.version, d.name, e.name) AS label
}
WITH target, label WHERE target IS NOT NULL
RETURN target.id AS id, label

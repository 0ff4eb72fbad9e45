// A model version by id, or by (model name, version).
// @param id: string | null
// @param model: string | null
// @param version: string | null
OPTIONAL MATCH (byId:ModelVersion {id: $id})
OPTIONAL MATCH (:Model {name: $model})<-[:VERSION_OF]-(byKey:ModelVersion {version: $version})
WITH coalesce(byId, byKey) AS mv
WHERE mv IS NOT NULL
RETURN mv {.*} AS version

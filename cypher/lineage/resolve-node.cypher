// The node a NodeRef names, by id or by its type's natural key: Dataset/Feature/Job (namespace, name),
// DatasetVersion (namespace, name, version), Field (namespace, name, field, and version — or, without
// one, the dataset version current at $asOf), ModelVersion (model, version), Model/Ensemble/Deployment
// (name), Run (runId). Returns its elementId (the anchor the traversals seek by), id and label.
// @param type: string
// @param id: string | null
// @param namespace: string | null
// @param name: string | null
// @param version: string | null
// @param field: string | null
// @param model: string | null
// @param asOf: Date | null
// @returns elementId: string
// @returns id: string
// @returns label: string
CALL () {
  MATCH (n:Dataset {id: $id}) WHERE $type = 'DATASET' RETURN n
  UNION MATCH (n:Dataset {namespace: $namespace, name: $name}) WHERE $type = 'DATASET' RETURN n
  UNION MATCH (n:DatasetVersion {id: $id}) WHERE $type = 'DATASET_VERSION' RETURN n
  UNION MATCH (:Dataset {namespace: $namespace, name: $name})<-[:VERSION_OF]-(n:DatasetVersion {version: $version})
        WHERE $type = 'DATASET_VERSION' RETURN n
  UNION MATCH (n:Field {id: $id}) WHERE $type = 'FIELD' RETURN n
  UNION MATCH (d:Dataset {namespace: $namespace, name: $name}) WHERE $type = 'FIELD'
        CALL (d) {
          MATCH (d)<-[:VERSION_OF]-(v:DatasetVersion)
          WHERE CASE WHEN $version IS NULL THEN v.createdAt <= coalesce($asOf, datetime()) ELSE v.version = $version END
          RETURN v ORDER BY v.createdAt DESC LIMIT 1
        }
        MATCH (v)-[:HAS_FIELD]->(n:Field {name: $field}) RETURN n
  UNION MATCH (n:Feature {id: $id}) WHERE $type = 'FEATURE' RETURN n
  UNION MATCH (n:Feature {namespace: $namespace, name: $name}) WHERE $type = 'FEATURE' RETURN n
  UNION MATCH (n:Job {id: $id}) WHERE $type = 'JOB' RETURN n
  UNION MATCH (n:Job {namespace: $namespace, name: $name}) WHERE $type = 'JOB' RETURN n
  UNION MATCH (n:Run {id: $id}) WHERE $type = 'RUN' RETURN n
  UNION MATCH (n:Model {id: $id}) WHERE $type = 'MODEL' RETURN n
  UNION MATCH (n:Model {name: $name}) WHERE $type = 'MODEL' RETURN n
  UNION MATCH (n:ModelVersion {id: $id}) WHERE $type = 'MODEL_VERSION' RETURN n
  UNION MATCH (:Model {name: $model})<-[:VERSION_OF]-(n:ModelVersion {version: $version}) WHERE $type = 'MODEL_VERSION' RETURN n
  UNION MATCH (n:Ensemble {id: $id}) WHERE $type = 'ENSEMBLE' RETURN n
  UNION MATCH (n:Ensemble {name: $name}) WHERE $type = 'ENSEMBLE' RETURN n
  UNION MATCH (n:Deployment {id: $id}) WHERE $type = 'DEPLOYMENT' RETURN n
  UNION MATCH (n:Deployment {name: $name}) WHERE $type = 'DEPLOYMENT' RETURN n
}
RETURN elementId(n) AS elementId, n.id AS id, labels(n)[0] AS label
LIMIT 1

// The field names of one dataset version (by its dataset's namespace and name and its version):
// the columns of a logged MLflow input that the graph knows, so features can be derived from them.
// @param namespace: string
// @param name: string
// @param version: string
// @returns field: string
MATCH (d:Dataset {namespace: $namespace, name: $name})
MATCH (:DatasetVersion {datasetId: d.id, version: $version})-[:HAS_FIELD]->(f:Field)
RETURN f.name AS field

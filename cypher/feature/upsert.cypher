// Creates the feature named by (namespace, name) or updates it; when $fieldIds is not null it
// becomes the exact set of fields the feature is DERIVED_FROM (edges to other fields are removed).
// @param namespace: string
// @param name: string
// @param description: string | null
// @param transformation: string | null
// @param fieldIds: string[] | null
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
MERGE (f:Feature {namespace: $namespace, name: $name})
  ON CREATE SET f.id = randomUUID(), f.createdAt = datetime(), f.description = $description, f.transformation = $transformation
  ON MATCH SET f.description = coalesce($description, f.description),
               f.transformation = coalesce($transformation, f.transformation)
WITH f
CALL (f) {
  WITH f WHERE $fieldIds IS NOT NULL
  MATCH (f)-[old:DERIVED_FROM]->(x:Field)
  WHERE NOT x.id IN $fieldIds
  DELETE old
}
CALL (f) {
  UNWIND coalesce($fieldIds, []) AS fieldId
  MATCH (x:Field {id: fieldId})
  MERGE (f)-[:DERIVED_FROM]->(x)
}
RETURN f {.*} AS feature

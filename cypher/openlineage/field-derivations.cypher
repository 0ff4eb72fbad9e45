// For each field id: the fields it is DERIVED_FROM (column lineage in force, not withdrawn), with
// the transformations OpenLineage's columnLineage facet gave (`transformations`: JSON text).
// @param fieldIds: string[]
// @returns fieldId: string
// @returns field: { id: string; datasetVersionId: string; name: string; type?: string; description?: string; profile?: string; position: number }
// @returns transformation: string | null
// @returns description: string | null
// @returns transformations: string | null
UNWIND $fieldIds AS fieldId
MATCH (:Field {id: fieldId})-[d:DERIVED_FROM]->(f:Field)
WHERE d.retractedAt IS NULL
RETURN fieldId, f {.*} AS field, d.transformation AS transformation, d.description AS description, d.transformations AS transformations
ORDER BY f.datasetVersionId, f.position, f.name

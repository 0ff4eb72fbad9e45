// For each field id: the features derived from it, by (namespace, name).
// @param fieldIds: string[]
// @returns fieldId: string
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
UNWIND $fieldIds AS fieldId
MATCH (:Field {id: fieldId})<-[:DERIVED_FROM]-(f:Feature)
RETURN fieldId, f {.*} AS feature
ORDER BY f.namespace, f.name

// For each field id: the features derived from it, by (namespace, name).
// Only the edges that hold now (to IS NULL): a closed one is history.
// @param fieldIds: string[]
// @returns fieldId: string
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
UNWIND $fieldIds AS fieldId
MATCH (:Field {id: fieldId})<-[r:DERIVED_FROM]-(f:Feature)
WHERE r.to IS NULL
RETURN fieldId, f {.*} AS feature
ORDER BY f.namespace, f.name

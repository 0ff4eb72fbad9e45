// Locks the feature (when it exists) for the rest of the transaction, so concurrent changes of its
// fields serialize, and returns the fields it is derived from now (open DERIVED_FROM edges) and the
// time of its latest change of them. No row: the feature does not exist yet.
// @param namespace: string
// @param name: string
// @returns openFieldIds: string[]
// @returns lastChange: Date | null
MATCH (f:Feature {namespace: $namespace, name: $name})
SET f._lock = true REMOVE f._lock
WITH f
OPTIONAL MATCH (f)-[r:DERIVED_FROM]->(x:Field)
RETURN collect(CASE WHEN r IS NOT NULL AND r.to IS NULL THEN x.id END) AS openFieldIds, max(coalesce(r.to, r.from)) AS lastChange

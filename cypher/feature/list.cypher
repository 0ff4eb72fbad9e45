// A page of features ordered by (namespace, name), after the cursor's key; filters are optional.
// @param namespace: string | null
// @param nameContains: string | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
MATCH (f:Feature)
WHERE ($namespace IS NULL OR f.namespace = $namespace)
  AND ($nameContains IS NULL OR toLower(f.name) CONTAINS toLower($nameContains))
  AND ($after IS NULL OR f.namespace > $after[0] OR (f.namespace = $after[0] AND f.name > $after[1]))
RETURN f {.*} AS feature
ORDER BY f.namespace, f.name
LIMIT $limit

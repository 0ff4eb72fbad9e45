// A page of datasets ordered by (namespace, name), after the cursor's key; filters are optional.
// @param namespace: string | null
// @param nameContains: string | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns dataset: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
MATCH (d:Dataset)
WHERE ($namespace IS NULL OR d.namespace = $namespace)
  AND ($nameContains IS NULL OR toLower(d.name) CONTAINS toLower($nameContains))
  AND ($after IS NULL OR d.namespace > $after[0] OR (d.namespace = $after[0] AND d.name > $after[1]))
RETURN d {.*} AS dataset
ORDER BY d.namespace, d.name
LIMIT $limit

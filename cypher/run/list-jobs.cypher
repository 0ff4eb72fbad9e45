// A page of jobs ordered by (namespace, name), after the cursor's key; filters are optional.
// @param namespace: string | null
// @param nameContains: string | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns job: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
MATCH (j:Job)
WHERE ($namespace IS NULL OR j.namespace = $namespace)
  AND ($nameContains IS NULL OR toLower(j.name) CONTAINS toLower($nameContains))
  AND ($after IS NULL OR j.namespace > $after[0] OR (j.namespace = $after[0] AND j.name > $after[1]))
RETURN j {.*} AS job
ORDER BY j.namespace, j.name
LIMIT $limit

// A page of models ordered by name, after the cursor's key; the filter is optional.
// @param nameContains: string | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
MATCH (m:Model)
WHERE ($nameContains IS NULL OR toLower(m.name) CONTAINS toLower($nameContains))
  AND ($after IS NULL OR m.name > $after[0])
RETURN m {.*} AS model
ORDER BY m.name
LIMIT $limit

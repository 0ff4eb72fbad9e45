// A page of ensembles ordered by name, after the cursor's key.
// @param nameContains: string | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
MATCH (e:Ensemble)
WHERE ($nameContains IS NULL OR toLower(e.name) CONTAINS toLower($nameContains))
  AND ($after IS NULL OR e.name > $after[0])
RETURN e {.*} AS ensemble
ORDER BY e.name
LIMIT $limit

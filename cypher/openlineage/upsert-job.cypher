// Creates the job (namespace, name) or updates its facets and description; updatedAt moves only
// when something changed, so a replayed event changes nothing.
// @param namespace: string
// @param name: string
// @param facets: string
// @param description: string | null
MERGE (j:Job {namespace: $namespace, name: $name})
  ON CREATE SET j.id = randomUUID(), j.createdAt = datetime(), j.updatedAt = datetime()
WITH j, (j.facets IS NULL OR j.facets <> $facets OR ($description IS NOT NULL AND coalesce(j.description, '') <> $description)) AS changed
SET j.facets = $facets,
    j.description = coalesce($description, j.description),
    j.updatedAt = CASE WHEN changed THEN datetime() ELSE j.updatedAt END

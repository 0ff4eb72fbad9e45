// Creates the dataset named by (namespace, name), or updates its description; returns it.
// A new dataset exists from $at (world time, default now), recorded now; a later upsert never moves either.
// @param namespace: string
// @param name: string
// @param description: string | null
// @param at: Date | null
// @returns dataset: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
MERGE (d:Dataset {namespace: $namespace, name: $name})
  ON CREATE SET d.id = randomUUID(), d.createdAt = coalesce($at, datetime()), d.recordedAt = datetime(), d.updatedAt = datetime(),
                d.description = $description
  ON MATCH SET d.description = coalesce($description, d.description),
               d.updatedAt = CASE WHEN $description IS NULL OR $description = d.description THEN d.updatedAt ELSE datetime() END
RETURN d {.*} AS dataset

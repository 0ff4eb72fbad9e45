// Creates the job named by (namespace, name), or updates its description; returns it.
// A new job exists from $at (world time, default now), recorded now; a later upsert never moves either.
// @param namespace: string
// @param name: string
// @param description: string | null
// @param at: Date | null
// @returns job: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
MERGE (j:Job {namespace: $namespace, name: $name})
  ON CREATE SET j.id = randomUUID(), j.createdAt = coalesce($at, datetime()), j.recordedAt = datetime(), j.updatedAt = datetime(),
                j.description = $description
  ON MATCH SET j.description = coalesce($description, j.description),
               j.updatedAt = CASE WHEN $description IS NULL OR $description = j.description THEN j.updatedAt ELSE datetime() END
RETURN j {.*} AS job

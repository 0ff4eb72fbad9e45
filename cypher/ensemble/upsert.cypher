// Creates the ensemble named $name, or updates its description; returns it.
// A new ensemble exists from $at (world time, default now), recorded now; a later upsert never moves either.
// @param name: string
// @param description: string | null
// @param at: Date | null
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
MERGE (e:Ensemble {name: $name})
  ON CREATE SET e.id = randomUUID(), e.createdAt = coalesce($at, datetime()), e.recordedAt = datetime(), e.description = $description
  ON MATCH SET e.description = coalesce($description, e.description)
RETURN e {.*} AS ensemble

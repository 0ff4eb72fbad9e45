// Creates the model named $name, or updates its description; returns it.
// A new model exists from $at (world time, default now), recorded now; a later upsert never moves either.
// @param name: string
// @param description: string | null
// @param at: Date | null
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
MERGE (m:Model {name: $name})
  ON CREATE SET m.id = randomUUID(), m.createdAt = coalesce($at, datetime()), m.recordedAt = datetime(), m.description = $description
  ON MATCH SET m.description = coalesce($description, m.description)
RETURN m {.*} AS model

// Creates the model named $name, or updates its description; returns it.
// @param name: string
// @param description: string | null
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
MERGE (m:Model {name: $name})
  ON CREATE SET m.id = randomUUID(), m.createdAt = datetime(), m.description = $description
  ON MATCH SET m.description = coalesce($description, m.description)
RETURN m {.*} AS model

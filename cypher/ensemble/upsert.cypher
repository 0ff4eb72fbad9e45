// Creates the ensemble named $name, or updates its description; returns it.
// @param name: string
// @param description: string | null
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
MERGE (e:Ensemble {name: $name})
  ON CREATE SET e.id = randomUUID(), e.createdAt = datetime(), e.description = $description
  ON MATCH SET e.description = coalesce($description, e.description)
RETURN e {.*} AS ensemble

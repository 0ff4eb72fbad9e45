// The model with this name, if any.
// @param name: string
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
MATCH (m:Model {name: $name})
RETURN m {.*} AS model

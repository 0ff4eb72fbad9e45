// The model with this name, if any.
// @param name: string
MATCH (m:Model {name: $name})
RETURN m {.*} AS model

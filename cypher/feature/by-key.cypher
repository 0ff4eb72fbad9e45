// The feature with this natural key, if any.
// @param namespace: string
// @param name: string
MATCH (f:Feature {namespace: $namespace, name: $name})
RETURN f {.*} AS feature

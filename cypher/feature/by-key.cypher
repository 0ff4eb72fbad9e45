// The feature with this natural key, if any.
// @param namespace: string
// @param name: string
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
MATCH (f:Feature {namespace: $namespace, name: $name})
RETURN f {.*} AS feature

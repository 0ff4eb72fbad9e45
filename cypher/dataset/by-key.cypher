// The dataset with this natural key, if any.
// @param namespace: string
// @param name: string
// @returns dataset: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
MATCH (d:Dataset {namespace: $namespace, name: $name})
RETURN d {.*} AS dataset

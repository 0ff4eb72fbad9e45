// The dataset with this natural key, if any.
// @param namespace: string
// @param name: string
MATCH (d:Dataset {namespace: $namespace, name: $name})
RETURN d {.*} AS dataset

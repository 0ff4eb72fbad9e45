// The job with this natural key, if any.
// @param namespace: string
// @param name: string
MATCH (j:Job {namespace: $namespace, name: $name})
RETURN j {.*} AS job

// The job with this natural key, if any.
// @param namespace: string
// @param name: string
// @returns job: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
MATCH (j:Job {namespace: $namespace, name: $name})
RETURN j {.*} AS job

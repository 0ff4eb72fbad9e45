// The jobs with these ids (missing ids are simply absent).
// @param ids: string[]
// @returns job: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
UNWIND $ids AS id
MATCH (j:Job {id: id})
RETURN j {.*} AS job

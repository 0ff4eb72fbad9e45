// The datasets with these ids (missing ids are simply absent).
// @param ids: string[]
// @returns dataset: { id: string; namespace: string; name: string; description?: string; facets?: string; createdAt: Date; updatedAt: Date }
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN d {.*} AS dataset

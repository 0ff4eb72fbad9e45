// The features with these ids (missing ids are simply absent).
// @param ids: string[]
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
UNWIND $ids AS id
MATCH (f:Feature {id: id})
RETURN f {.*} AS feature

// The models with these ids (missing ids are simply absent).
// @param ids: string[]
// @returns model: { id: string; name: string; description?: string; createdAt: Date }
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN m {.*} AS model

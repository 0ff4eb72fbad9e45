// The models with these ids (missing ids are simply absent).
// @param ids: string[]
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN m {.*} AS model

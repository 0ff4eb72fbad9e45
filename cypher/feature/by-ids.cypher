// The features with these ids (missing ids are simply absent).
// @param ids: string[]
UNWIND $ids AS id
MATCH (f:Feature {id: id})
RETURN f {.*} AS feature

// The fields with these ids.
// @param ids: string[]
UNWIND $ids AS id
MATCH (f:Field {id: id})
RETURN f {.*} AS field

// The datasets with these ids (missing ids are simply absent).
// @param ids: string[]
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN d {.*} AS dataset

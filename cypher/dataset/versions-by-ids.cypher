// The dataset versions with these ids.
// @param ids: string[]
UNWIND $ids AS id
MATCH (v:DatasetVersion {id: id})
RETURN v {.*} AS version

// The model versions with these ids.
// @param ids: string[]
UNWIND $ids AS id
MATCH (mv:ModelVersion {id: id})
RETURN mv {.*} AS version

// The jobs with these ids (missing ids are simply absent).
// @param ids: string[]
UNWIND $ids AS id
MATCH (j:Job {id: id})
RETURN j {.*} AS job

// Which of these dataset version ids exist (points may name the version they were measured on).
// @param ids: string[]
// @returns id: string
UNWIND $ids AS id
MATCH (v:DatasetVersion {id: id})
RETURN v.id AS id

// The ensembles with these ids (missing ids are simply absent).
// @param ids: string[]
UNWIND $ids AS id
MATCH (e:Ensemble {id: id})
RETURN e {.*} AS ensemble

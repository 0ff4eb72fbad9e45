// The ensembles with these ids (missing ids are simply absent).
// @param ids: string[]
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
UNWIND $ids AS id
MATCH (e:Ensemble {id: id})
RETURN e {.*} AS ensemble

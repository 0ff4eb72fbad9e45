// The ensembles with these names (missing names are simply absent).
// @param names: string[]
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
UNWIND $names AS name
MATCH (e:Ensemble {name: name})
RETURN e {.*} AS ensemble

// The ensembles with these names (missing names are simply absent).
// @param names: string[]
UNWIND $names AS name
MATCH (e:Ensemble {name: name})
RETURN e {.*} AS ensemble

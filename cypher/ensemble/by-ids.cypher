// The ensembles with these ids (missing ids are simply absent).
// @param ids: string[]
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date; strategy?: string; loss?: string; eta?: number; weightFloor?: number; window?: Integer; refitEvery?: Integer }
UNWIND $ids AS id
MATCH (e:Ensemble {id: id})
RETURN e {.*} AS ensemble

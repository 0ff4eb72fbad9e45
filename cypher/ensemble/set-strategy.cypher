// Sets the strategy of the ensemble named $name, with its loss and parameters, and starts its
// learning afresh: the learner's saved state is dropped (its version still moves on, so every
// instance's cached copy is stale), and the next outcomes start from the weights open then.
// @param name: string
// @param strategy: string
// @param loss: string | null
// @param eta: number
// @param weightFloor: number
// @param window: Integer
// @param refitEvery: Integer
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date; strategy?: string; loss?: string; eta?: number; weightFloor?: number; window?: Integer; refitEvery?: Integer }
MATCH (e:Ensemble {name: $name})
SET e.strategy = $strategy, e.loss = $loss, e.eta = $eta, e.weightFloor = $weightFloor, e.window = $window, e.refitEvery = $refitEvery
WITH e
OPTIONAL MATCH (l:EnsembleLearner {ensembleId: e.id})
SET l.state = null, l.version = l.version + 1
RETURN e {.*} AS ensemble

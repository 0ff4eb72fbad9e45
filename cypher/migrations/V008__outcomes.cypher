// Online ensembles: one learner state per ensemble, and the idempotency keys of outcome batches
// (a retried batch is found by its key and not counted twice). Both keys are unique constraints,
// which are also the indexes the outcome batch's lookups use.
CREATE CONSTRAINT ensemble_learner_key IF NOT EXISTS FOR (n:EnsembleLearner) REQUIRE n.ensembleId IS UNIQUE;
CREATE CONSTRAINT outcome_batch_key IF NOT EXISTS FOR (n:OutcomeBatch) REQUIRE (n.ensembleId, n.key) IS UNIQUE;

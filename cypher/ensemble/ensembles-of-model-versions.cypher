// For each model version id: the ensembles it is a member of now (open MEMBER edges).
// @param modelVersionIds: string[]
// @returns modelVersionId: string
// @returns ensemble: { id: string; name: string; description?: string; createdAt: Date }
UNWIND $modelVersionIds AS modelVersionId
MATCH (e:Ensemble)-[m:MEMBER]->(:ModelVersion {id: modelVersionId})
WHERE m.to IS NULL
RETURN modelVersionId, e {.*} AS ensemble
ORDER BY e.name

// For each model version id: the run that trained it, if recorded.
// @param modelVersionIds: string[]
// @returns modelVersionId: string
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
UNWIND $modelVersionIds AS modelVersionId
MATCH (:ModelVersion {id: modelVersionId})-[:PRODUCED_BY]->(r:Run)
RETURN modelVersionId, r {.*} AS run

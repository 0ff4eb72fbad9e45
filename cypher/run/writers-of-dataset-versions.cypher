// For each dataset version id: the runs that wrote it, newest first.
// @param versionIds: string[]
// @returns versionId: string
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date }
UNWIND $versionIds AS versionId
MATCH (r:Run)-[:WROTE]->(:DatasetVersion {id: versionId})
RETURN versionId, r {.*} AS run
ORDER BY coalesce(r.startedAt, r.createdAt) DESC

// For each dataset version id: the runs that read it, newest first.
// @param versionIds: string[]
UNWIND $versionIds AS versionId
MATCH (r:Run)-[:READ]->(:DatasetVersion {id: versionId})
RETURN versionId, r {.*} AS run
ORDER BY coalesce(r.startedAt, r.createdAt) DESC

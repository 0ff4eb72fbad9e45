// For each dataset version id: the runs that wrote it, newest first.
// @param versionIds: string[]
UNWIND $versionIds AS versionId
MATCH (r:Run)-[:WROTE]->(:DatasetVersion {id: versionId})
RETURN versionId, r {.*} AS run
ORDER BY coalesce(r.startedAt, r.createdAt) DESC

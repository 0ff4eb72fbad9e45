// For each model version id: the features it uses, most important first.
// @param versionIds: string[]
// @returns versionId: string
// @returns importance: number
// @returns feature: { id: string; namespace: string; name: string; description?: string; transformation?: string; createdAt: Date }
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})-[u:USES_FEATURE]->(f:Feature)
RETURN versionId, u.importance AS importance, f {.*} AS feature
ORDER BY u.importance DESC, f.namespace, f.name

// For each model version id: the versions it replaced, when and why; most recent first.
// @param versionIds: string[]
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})<-[s:SUPERSEDED_BY]-(old:ModelVersion)
RETURN versionId, s.at AS at, s.reason AS reason, old {.*} AS modelVersion
ORDER BY s.at DESC

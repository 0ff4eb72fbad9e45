// For each model version id: the version that replaced it, when and why (absent if none).
// @param versionIds: string[]
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})-[s:SUPERSEDED_BY]->(by:ModelVersion)
RETURN versionId, s.at AS at, s.reason AS reason, by {.*} AS modelVersion

// For each model version id: the names of the aliases that point at it now.
// @param versionIds: string[]
// @returns versionId: string
// @returns name: string
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})<-[a:ALIAS]-(:Model)
WHERE a.to IS NULL
RETURN versionId, a.name AS name
ORDER BY a.name

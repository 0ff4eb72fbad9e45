// For each model version id: the dataset versions it was trained on, with their role.
// @param versionIds: string[]
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})-[t:TRAINED_ON]->(dv:DatasetVersion)
RETURN versionId, t.role AS role, dv {.*} AS datasetVersion
ORDER BY t.role, dv.createdAt

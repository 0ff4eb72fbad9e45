// For each model version id: the dataset versions it was trained on, with their role.
// @param versionIds: string[]
// @returns versionId: string
// @returns role: string
// @returns datasetVersion: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})-[t:TRAINED_ON]->(dv:DatasetVersion)
RETURN versionId, t.role AS role, dv {.*} AS datasetVersion
ORDER BY t.role, dv.createdAt

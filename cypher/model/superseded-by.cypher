// For each model version id: the version that replaced it, when and why (absent if none).
// @param versionIds: string[]
// @returns versionId: string
// @returns at: Date
// @returns reason: string
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})-[s:SUPERSEDED_BY]->(by:ModelVersion)
RETURN versionId, s.at AS at, s.reason AS reason, by {.*} AS modelVersion

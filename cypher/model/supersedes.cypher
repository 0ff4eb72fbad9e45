// For each model version id: the versions it replaced, when and why; most recent first.
// @param versionIds: string[]
// @returns versionId: string
// @returns at: Date
// @returns reason: string
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $versionIds AS versionId
MATCH (:ModelVersion {id: versionId})<-[s:SUPERSEDED_BY]-(old:ModelVersion)
RETURN versionId, s.at AS at, s.reason AS reason, old {.*} AS modelVersion
ORDER BY s.at DESC

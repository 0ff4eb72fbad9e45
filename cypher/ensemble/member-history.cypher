// For each ensemble id: every MEMBER edge it ever had, in the order they were opened.
// @param ensembleIds: string[]
// @returns ensembleId: string
// @returns member: { weight: number; from: Date; to?: Date; reason?: string }
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $ensembleIds AS ensembleId
MATCH (:Ensemble {id: ensembleId})-[m:MEMBER]->(mv:ModelVersion)
RETURN ensembleId, m {.*} AS member, mv {.*} AS modelVersion
ORDER BY m.from, m.weight DESC, mv.modelId, mv.version

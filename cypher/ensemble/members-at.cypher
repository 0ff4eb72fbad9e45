// For each ensemble id: its members at $asOf (edges opened at or before it and not closed by then).
// @param ensembleIds: string[]
// @param asOf: Date
// @returns ensembleId: string
// @returns member: { weight: number; from: Date; to?: Date; reason?: string }
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $ensembleIds AS ensembleId
MATCH (:Ensemble {id: ensembleId})-[m:MEMBER]->(mv:ModelVersion)
WHERE m.from <= $asOf AND (m.to IS NULL OR m.to > $asOf)
RETURN ensembleId, m {.*} AS member, mv {.*} AS modelVersion
ORDER BY m.weight DESC, mv.modelId, mv.version

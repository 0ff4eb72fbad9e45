// For each run id: the model versions it trained (PRODUCED_BY), oldest first.
// @param runIds: string[]
// @returns runId: string
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $runIds AS runId
MATCH (mv:ModelVersion)-[:PRODUCED_BY]->(:Run {runId: runId})
RETURN runId, mv {.*} AS modelVersion
ORDER BY mv.createdAt, mv.id

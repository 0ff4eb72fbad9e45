// The model versions with these ids.
// @param ids: string[]
// @returns version: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
UNWIND $ids AS id
MATCH (mv:ModelVersion {id: id})
RETURN mv {.*} AS version

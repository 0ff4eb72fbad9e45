// Records that $byId replaced $oldId at $at (world time) with SUPERSEDED_BY {at, reason, recordedAt}
// and marks the old version; the caller has checked both exist, share a model and differ. No row
// when either got superseded meanwhile: both are write-locked (held to commit) before that is checked.
// @param oldId: string
// @param byId: string
// @param reason: string
// @param at: Date
// @returns version: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
MATCH (old:ModelVersion {id: $oldId}), (by:ModelVersion {id: $byId})
SET old._LOCK_ = true, by._LOCK_ = true
REMOVE old._LOCK_, by._LOCK_
WITH old, by
WHERE old.supersededAt IS NULL AND by.supersededAt IS NULL
CREATE (old)-[:SUPERSEDED_BY {at: $at, reason: $reason, recordedAt: datetime()}]->(by)
SET old.supersededAt = $at, old.supersededReason = $reason
RETURN old {.*} AS version

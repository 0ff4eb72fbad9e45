// Points alias $alias of the model at version $versionId from $at (world time): closes the open
// assignment of that name (to = $at) and opens a new one. Already pointing there: nothing is
// written, the open one returned. The caller locked the model (alias-for-update) and checked $at.
// @param modelId: string
// @param versionId: string
// @param alias: string
// @param reason: string | null
// @param at: Date
// @returns alias: { name: string; from: Date; to?: Date; reason?: string }
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
MATCH (m:Model {id: $modelId}), (mv:ModelVersion {id: $versionId})
OPTIONAL MATCH (m)-[open:ALIAS {name: $alias}]->(current:ModelVersion)
WHERE open.to IS NULL
CALL (m, mv, open, current) {
  WITH m, mv, open, current WHERE current IS NULL OR current.id <> mv.id
  SET open.to = $at, open.toRecordedAt = datetime()
  CREATE (m)-[a:ALIAS {name: $alias, from: $at, reason: $reason, recordedAt: datetime()}]->(mv)
  RETURN a
  UNION
  WITH mv, open, current WHERE current.id = mv.id
  RETURN open AS a
}
RETURN a {.*} AS alias, mv {.*} AS modelVersion

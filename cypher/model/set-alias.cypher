// Points alias $alias of the model at version $versionId: closes the open assignment of that name
// (to = now) and opens a new one. Already pointing there: nothing is written, the open one returned.
// @param modelId: string
// @param versionId: string
// @param alias: string
// @param reason: string | null
// @returns alias: { name: string; from: Date; to?: Date; reason?: string }
// @returns modelVersion: { id: string; modelId: string; version: string; contentHash: string; tags?: string[]; metrics?: string; createdAt: Date; supersededAt?: Date; supersededReason?: string }
MATCH (m:Model {id: $modelId}), (mv:ModelVersion {id: $versionId})
// Write-lock the model (held to commit) so concurrent moves of an alias cannot both see it unset.
SET m._LOCK_ = true
REMOVE m._LOCK_
WITH m, mv
OPTIONAL MATCH (m)-[open:ALIAS {name: $alias}]->(current:ModelVersion)
WHERE open.to IS NULL
CALL (m, mv, open, current) {
  WITH m, mv, open, current WHERE current IS NULL OR current.id <> mv.id
  SET open.to = datetime()
  CREATE (m)-[a:ALIAS {name: $alias, from: datetime(), reason: $reason}]->(mv)
  RETURN a
  UNION
  WITH mv, open, current WHERE current.id = mv.id
  RETURN open AS a
}
RETURN a {.*} AS alias, mv {.*} AS modelVersion

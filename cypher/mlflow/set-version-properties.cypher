// What MLflow says of a model version and may change (description, tags, status, where its files
// are), kept on the ModelVersion beside its immutable content; a version seen again is no longer
// deleted. Written only when something differs, so a sync of an unchanged registry changes nothing.
// @param versions: { model: string; version: string; trackingUri: string; description: string | null; tags: string; source: string | null; status: string | null; lastUpdated: Integer }[]
// @returns changed: Integer
UNWIND $versions AS v
MATCH (:Model {name: v.model})<-[:VERSION_OF]-(mv:ModelVersion {version: v.version})
WITH mv, v
WHERE mv.mlflowTrackingUri IS NULL OR mv.mlflowTrackingUri <> v.trackingUri OR mv.mlflowLastUpdated IS NULL
  OR mv.mlflowLastUpdated <> v.lastUpdated OR mv.mlflowDeletedAt IS NOT NULL
SET mv.mlflowTrackingUri = v.trackingUri, mv.description = v.description, mv.mlflowTags = v.tags, mv.mlflowSource = v.source,
    mv.mlflowStatus = v.status, mv.mlflowLastUpdated = v.lastUpdated, mv.mlflowDeletedAt = null
RETURN count(mv) AS changed

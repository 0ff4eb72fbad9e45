// What the MLflow sync keeps of these model versions (only versions it synced): the server, the
// description, tags (JSON) and status MLflow has for it, and when the sync noticed it was deleted.
// @param ids: string[]
// @returns id: string
// @returns trackingUri: string
// @returns description: string | null
// @returns tags: string | null
// @returns status: string | null
// @returns artifactSource: string | null
// @returns deletedAt: Date | null
UNWIND $ids AS id
MATCH (mv:ModelVersion {id: id})
WHERE mv.mlflowTrackingUri IS NOT NULL
RETURN mv.id AS id, mv.mlflowTrackingUri AS trackingUri, mv.description AS description, mv.mlflowTags AS tags,
       mv.mlflowStatus AS status, mv.mlflowSource AS artifactSource, mv.mlflowDeletedAt AS deletedAt

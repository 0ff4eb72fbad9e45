// The open members of an ensemble (what serves now) with their models' names and their weights,
// by model version id: what a weights-changed event announces.
// @param ensembleId: string
// @returns modelVersionId: string
// @returns model: string
// @returns version: string
// @returns weight: number
MATCH (:Ensemble {id: $ensembleId})-[m:MEMBER]->(mv:ModelVersion)-[:VERSION_OF]->(md:Model)
WHERE m.to IS NULL
RETURN mv.id AS modelVersionId, md.name AS model, mv.version AS version, m.weight AS weight
ORDER BY mv.id

// MEMBER edges that opened or closed within [$from, $to): those of these ensembles, and those of
// the model version $modelVersionId (its weight in any ensemble). A weight change closes one edge
// and opens another at the same instant (cypher/ensemble/change-members.cypher).
// @param ensembleIds: string[]
// @param modelVersionId: string | null
// @param from: Date
// @param to: Date
// @returns ensemble: string
// @returns modelVersionId: string
// @returns model: string
// @returns version: string
// @returns weight: number | null
// @returns memberFrom: Date | null
// @returns memberTo: Date | null
CALL () {
  UNWIND $ensembleIds AS ensembleId
  MATCH (e:Ensemble {id: ensembleId})-[r:MEMBER]->(mv:ModelVersion)
  RETURN e, r, mv
  UNION
  MATCH (e:Ensemble)-[r:MEMBER]->(mv:ModelVersion {id: $modelVersionId})
  RETURN e, r, mv
}
WITH e, r, mv WHERE (r.from >= $from AND r.from < $to) OR (r.to >= $from AND r.to < $to)
MATCH (mv)-[:VERSION_OF]->(m:Model)
RETURN e.name AS ensemble, mv.id AS modelVersionId, m.name AS model, mv.version AS version, r.weight AS weight,
       r.from AS memberFrom, r.to AS memberTo
ORDER BY coalesce(r.from, r.to), m.name, mv.version

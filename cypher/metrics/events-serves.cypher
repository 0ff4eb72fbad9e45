// SERVES relationships of the target (a deployment's own, or those serving the model version or
// ensemble) that opened or closed within [$from, $to).
// @param targetId: string
// @param from: Date
// @param to: Date
// @returns deployment: string
// @returns servedFrom: Date | null
// @returns servedTo: Date | null
// @returns trafficShare: number | null
// @returns modelVersionId: string | null
// @returns model: string | null
// @returns version: string | null
// @returns ensemble: string | null
CALL () {
  MATCH (d:Deployment {id: $targetId})-[r:SERVES]->(x) RETURN d, r, x
  UNION
  MATCH (d:Deployment)-[r:SERVES]->(x:ModelVersion {id: $targetId}) RETURN d, r, x
  UNION
  MATCH (d:Deployment)-[r:SERVES]->(x:Ensemble {id: $targetId}) RETURN d, r, x
}
WITH d, r, x WHERE (r.from >= $from AND r.from < $to) OR (r.to >= $from AND r.to < $to)
OPTIONAL MATCH (x:ModelVersion)-[:VERSION_OF]->(m:Model)
RETURN d.name AS deployment, r.from AS servedFrom, r.to AS servedTo, r.trafficShare AS trafficShare,
       CASE WHEN x:ModelVersion THEN x.id END AS modelVersionId, m.name AS model, CASE WHEN x:ModelVersion THEN x.version END AS version,
       CASE WHEN x:Ensemble THEN x.name END AS ensemble

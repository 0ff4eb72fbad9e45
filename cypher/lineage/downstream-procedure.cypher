// downstream.cypher with its breadth-first search done by the modelgraph.downstream procedure
// (neo4j/src/main/java/dev/modelgraph/LineageProcedures.java: same rules, same rows, and the
// display labels and serving deployments computed there too, ~30x faster on
// Community's slotted runtime). Used when the Neo4j has the procedure (the embedded one always does).
// @param originElementId: string
// @param asOf: Date | null
// @param depth: number
// @param maxNodes: number
MATCH (s) WHERE elementId(s) = $originElementId
CALL modelgraph.downstream(s, coalesce($asOf, datetime()), $asOf, $depth, $maxNodes)
  YIELD id, nodeLabel, display, distance, edges, environment, serving
RETURN id, nodeLabel, display, distance, edges, environment, serving

// upstream.cypher with its breadth-first search done by the modelgraph.upstream procedure
// (neo4j/src/main/java/dev/modelgraph/LineageProcedures.java: same rules, same rows, and the
// display labels computed there too). Used when the
// Neo4j has the procedure (the embedded one always does).
// @param originElementIds: string[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @returns id: string
// @returns nodeLabel: string
// @returns display: string | null
// @returns distance: Integer
// @returns edges: { next: string; source: string; target: string; type: string; transformations: string | null; props: Record<string, unknown> | null }[]
// @returns props: Record<string, unknown> | null
UNWIND $originElementIds AS originElementId
MATCH (s) WHERE elementId(s) = originElementId
WITH collect(s) AS origins
CALL modelgraph.upstream(origins, coalesce($asOf, datetime()), $asOf, $knownAt, $depth, $maxNodes)
  YIELD id, nodeLabel, display, distance, edges, props
RETURN id, nodeLabel, display, distance, edges, props

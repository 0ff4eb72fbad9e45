// upstream.cypher with its work done by the modelgraph.upstreamJson procedure
// (neo4j/src/main/java/dev/modelgraph/LineageProcedures.java): the same rules and the same rows,
// display labels included, as one JSON array (one string decodes far faster than a thousand rows of
// maps). A run's startedAt comes as an ISO-8601 instant: upstreamRowsOf (src/lineage/
// lineage.repository.ts) makes it a Date again. Used when the Neo4j has the procedures (the
// embedded one always does).
// @param originElementIds: string[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @returns rows: string
UNWIND $originElementIds AS originElementId
MATCH (s) WHERE elementId(s) = originElementId
WITH collect(s) AS origins
CALL modelgraph.upstreamJson(origins, coalesce($asOf, datetime()), $asOf, $knownAt, $depth, $maxNodes) YIELD rows
RETURN rows

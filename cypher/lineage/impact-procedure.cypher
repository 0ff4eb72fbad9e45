// Impact in one statement, all of it in the store by modelgraph.impact
// (neo4j/src/main/java/dev/modelgraph/ImpactProcedure.java): the origin reference resolved as
// cypher/graph/resolve-refs.cypher resolves it (ImpactOrigins.java: index seeks; test/impact-engines.test.ts
// compares the two), the walk, then one page of items with their paths and the summary, as one small
// JSON string. One round trip, a short text to parse, and only the page is sent.
// `origins` is [] when the reference names nothing (the service's NOT_FOUND). `types` is null, not [],
// without a type filter: Neo4j plans an empty list apart (its size class), and the warm-up compiles
// the left-out filter as null (src/db/sample-params.ts).
// @param refs: { type: string; id: string | null; namespace: string | null; name: string | null; version: string | null; field: string | null; model: string | null }[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @param maxPaths: Integer
// @param servedOnly: boolean
// @param types: string[] | null
// @param after: { distance: Integer; type: string; label: string; id: string } | null
// @param first: Integer
// @returns json: string
CALL modelgraph.impact($refs, coalesce($asOf, datetime()), $asOf, $knownAt, $depth, $maxNodes, $maxPaths, $servedOnly, coalesce($types, []), $after, $first)
  YIELD json
RETURN json

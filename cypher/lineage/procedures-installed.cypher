// Whether this Neo4j has modelgraph's traversal procedures (neo4j/src/main/java/dev/modelgraph/
// LineageProcedures.java, ImpactProcedure.java): the embedded one registers them; a server has them when the plugin jar is
// in its plugins directory; Aura cannot, and gets the pure-Cypher traversals.
// @returns installed: boolean
SHOW PROCEDURES YIELD name
WHERE name IN ['modelgraph.downstream', 'modelgraph.downstreamJson', 'modelgraph.upstream', 'modelgraph.upstreamJson', 'modelgraph.impact']
RETURN count(name) = 5 AS installed

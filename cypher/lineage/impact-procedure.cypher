// Impact in one statement: the origin reference resolved exactly as cypher/graph/resolve-refs.cypher
// resolves it (its text, from UNWIND to `named`, copied verbatim: test/impact-engines.test.ts checks
// that it stays so), then the whole answer built in the store by modelgraph.impact
// (neo4j/src/main/java/dev/modelgraph/ImpactProcedure.java): one page of items with their paths and
// the summary, as one small JSON string. One round trip instead of two, and only the page is sent.
// `origins` is [] when the reference names nothing (the service's NOT_FOUND).
// @param refs: { type: string; id: string | null; namespace: string | null; name: string | null; version: string | null; field: string | null; model: string | null }[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @param depth: Integer
// @param maxNodes: Integer
// @param maxPaths: Integer
// @param servedOnly: boolean
// @param types: string[]
// @param after: { distance: Integer; type: string; label: string; id: string } | null
// @param first: Integer
// @returns json: string
UNWIND range(0, size($refs) - 1) AS i
WITH i, $refs[i] AS ref
OPTIONAL CALL (ref) {
  MATCH (n:Dataset {id: ref.id}) WHERE ref.type = 'DATASET' RETURN n
  UNION MATCH (n:Dataset {namespace: ref.namespace, name: ref.name}) WHERE ref.type = 'DATASET' RETURN n
  UNION MATCH (n:DatasetVersion {id: ref.id}) WHERE ref.type = 'DATASET_VERSION' RETURN n
  UNION MATCH (:Dataset {namespace: ref.namespace, name: ref.name})<-[:VERSION_OF]-(n:DatasetVersion {version: ref.version})
        WHERE ref.type = 'DATASET_VERSION' RETURN n
  UNION MATCH (n:Field {id: ref.id}) WHERE ref.type = 'FIELD' RETURN n
  UNION MATCH (:Dataset {namespace: ref.namespace, name: ref.name})<-[:VERSION_OF]-(v:DatasetVersion {version: ref.version})
        WHERE ref.type = 'FIELD'
        MATCH (v)-[:HAS_FIELD]->(n:Field {name: ref.field}) RETURN n
  UNION MATCH (n:Feature {id: ref.id}) WHERE ref.type = 'FEATURE' RETURN n
  UNION MATCH (n:Feature {namespace: ref.namespace, name: ref.name}) WHERE ref.type = 'FEATURE' RETURN n
  UNION MATCH (n:Job {id: ref.id}) WHERE ref.type = 'JOB' RETURN n
  UNION MATCH (n:Job {namespace: ref.namespace, name: ref.name}) WHERE ref.type = 'JOB' RETURN n
  UNION MATCH (n:Run {id: ref.id}) WHERE ref.type = 'RUN' RETURN n
  UNION MATCH (n:Model {id: ref.id}) WHERE ref.type = 'MODEL' RETURN n
  UNION MATCH (n:Model {name: ref.name}) WHERE ref.type = 'MODEL' RETURN n
  UNION MATCH (n:ModelVersion {id: ref.id}) WHERE ref.type = 'MODEL_VERSION' RETURN n
  UNION MATCH (:Model {name: ref.model})<-[:VERSION_OF]-(n:ModelVersion {version: ref.version}) WHERE ref.type = 'MODEL_VERSION' RETURN n
  UNION MATCH (n:Ensemble {id: ref.id}) WHERE ref.type = 'ENSEMBLE' RETURN n
  UNION MATCH (n:Ensemble {name: ref.name}) WHERE ref.type = 'ENSEMBLE' RETURN n
  UNION MATCH (n:Deployment {id: ref.id}) WHERE ref.type = 'DEPLOYMENT' RETURN n
  UNION MATCH (n:Deployment {name: ref.name}) WHERE ref.type = 'DEPLOYMENT' RETURN n
}
// A reference names one node (checkRef lets through an id or a key, not both); head() keeps the
// row count one per reference all the same.
WITH i, ref, head(collect(n)) AS n
// A FIELD reference without a version: the field in every version visible at ($asOf, $knownAt)
// (docs/graph-model.md, "Time"), through visible VERSION_OF and HAS_FIELD relationships.
CALL (ref) {
  OPTIONAL MATCH (:Dataset {namespace: ref.namespace, name: ref.name})<-[vo:VERSION_OF]-(v:DatasetVersion)-[hf:HAS_FIELD]->(f:Field {name: ref.field})
  WHERE ref.type = 'FIELD' AND ref.id IS NULL AND ref.version IS NULL
    AND all(x IN [v, f] WHERE ($asOf IS NULL OR x.createdAt IS NULL OR x.createdAt <= $asOf)
                          AND ($knownAt IS NULL OR x.recordedAt IS NULL OR x.recordedAt <= $knownAt))
    AND all(r IN [vo, hf] WHERE ($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= $knownAt)
                            AND (r.retractedAt IS NULL OR ($knownAt IS NOT NULL AND r.retractedAt > $knownAt)))
  WITH f, v ORDER BY v.createdAt DESC, v.version DESC
  RETURN collect(f) AS fields
}
WITH i, CASE WHEN n IS NULL THEN fields ELSE [n] END AS named
WITH named
CALL modelgraph.impact(named, coalesce($asOf, datetime()), $asOf, $knownAt, $depth, $maxNodes, $maxPaths, $servedOnly, $types, $after, $first)
  YIELD json
RETURN json

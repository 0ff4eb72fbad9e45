// The node each reference names, one row per reference in the order of $refs (i), null columns where
// it names none: by id, or by its type's natural key (src/graph/node-types.ts) — Dataset, Feature, Job:
// namespace + name; DatasetVersion: namespace + name + version; Field: namespace + name + version +
// field, or without version that field in EVERY dataset version visible at ($asOf, $knownAt) (the
// columns name the newest, `named` lists every one, newest first; only lineage references may leave the
// version out); ModelVersion: model + version; Model, Ensemble, Deployment: name; Run: id (the runId).
// Every module's "resolve these references" runs this one statement, once per batch.
// Cost (profiled): every branch is a seek on a unique index of V001 (2-3 db hits), the type guard is
// tested after it, so a reference costs some 20 seeks; only its own type's branches expand further.
// @param refs: { type: string; id: string | null; namespace: string | null; name: string | null; version: string | null; field: string | null; model: string | null }[]
// @param asOf: Date | null
// @param knownAt: Date | null
// @returns i: number
// @returns id: string | null
// @returns elementId: string | null
// @returns label: string | null
// @returns props: Record<string, unknown> | null
// @returns named: { elementId: string; id: string }[]
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
WITH i, named, head(named) AS n
RETURN i, n.id AS id, elementId(n) AS elementId, labels(n)[0] AS label, n {.*} AS props,
  [x IN named | {elementId: elementId(x), id: x.id}] AS named
ORDER BY i

// A JobEvent's inputs and outputs: the job's static lineage, what it is declared to read and write
// (no run needed). Only the declaration with the latest eventTime (`at`) is in force: edges to
// datasets it no longer names get retractedAt (kept for knownAt), new ones recordedAt; datasets
// were upserted before. Lineage traversals do not follow these edges (runs carry the lineage).
// @param jobs: { namespace: string; name: string; at: Date; inputs: { namespace: string; name: string }[]; outputs: { namespace: string; name: string }[] }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $jobs AS decl
MATCH (j:Job {namespace: decl.namespace, name: decl.name})
SET j.lineageAt = decl.at
WITH j, decl
CALL (j, decl) {
  MATCH (j)-[old:DECLARES_INPUT|DECLARES_OUTPUT]->(d:Dataset)
  WHERE old.retractedAt IS NULL
    AND NOT {namespace: d.namespace, name: d.name} IN (CASE type(old) WHEN 'DECLARES_INPUT' THEN decl.inputs ELSE decl.outputs END)
  SET old.retractedAt = datetime()
}
CALL (j, decl) {
  UNWIND decl.inputs AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  WITH j, d WHERE NOT EXISTS { (j)-[x:DECLARES_INPUT]->(d) WHERE x.retractedAt IS NULL }
  CREATE (j)-[e:DECLARES_INPUT]->(d)
  SET e.recordedAt = datetime()
}
CALL (j, decl) {
  UNWIND decl.outputs AS key
  MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  WITH j, d WHERE NOT EXISTS { (j)-[x:DECLARES_OUTPUT]->(d) WHERE x.retractedAt IS NULL }
  CREATE (j)-[e:DECLARES_OUTPUT]->(d)
  SET e.recordedAt = datetime()
}

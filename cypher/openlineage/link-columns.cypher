// Column lineage: each output field (on the version the run wrote) DERIVED_FROM its input field on
// the version of the input dataset the run read (the newest, if it read several). Input fields are
// added only to placeholder versions (contentHash null); a known version's schema is not changed.
// @param runId: string
// @param edges: { outputNamespace: string; outputName: string; outputVersion: string; outputField: string; inputNamespace: string; inputName: string; inputField: string; transformation: string | null; description: string | null }[]
MATCH (r:Run {runId: $runId})
UNWIND $edges AS e
MATCH (:Dataset {namespace: e.outputNamespace, name: e.outputName})<-[:VERSION_OF]-(:DatasetVersion {version: e.outputVersion})-[:HAS_FIELD]->(out:Field {name: e.outputField})
MATCH (input:Dataset {namespace: e.inputNamespace, name: e.inputName})
CALL (r, input) {
  MATCH (r)-[:READ]->(iv:DatasetVersion {datasetId: input.id})
  RETURN iv ORDER BY iv.createdAt DESC LIMIT 1
}
CALL (iv, e) {
  WITH iv, e, COUNT { (iv)-[:HAS_FIELD]->() } AS known WHERE iv.contentHash IS NULL
  MERGE (f:Field {datasetVersionId: iv.id, name: e.inputField})
    ON CREATE SET f.id = randomUUID(), f.type = null, f.description = null, f.profile = null, f.position = known
  MERGE (iv)-[:HAS_FIELD]->(f)
  RETURN f
  UNION
  WITH iv, e WHERE iv.contentHash IS NOT NULL
  MATCH (iv)-[:HAS_FIELD]->(f:Field {name: e.inputField})
  RETURN f
}
MERGE (out)-[d:DERIVED_FROM]->(f)
SET d.transformation = e.transformation, d.description = e.description

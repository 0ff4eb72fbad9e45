// The run READ, of each input dataset, the version current at the input's time (the newest created
// at or before it, not written by this run); when none is, the dataset's oldest version; when it
// has none, a placeholder version $initialVersion (contentHash null: content unknown) whose
// createdAt is the earliest time it was read at, and which takes the fields events describe.
// @param runId: string
// @param initialVersion: string
// @param reads: { namespace: string; name: string; at: Date; fields: { name: string; type: string | null; description: string | null; profile: null; position: number }[] }[]
MATCH (r:Run {runId: $runId})
UNWIND $reads AS input
MATCH (d:Dataset {namespace: input.namespace, name: input.name})
CALL (r, d, input) {
  OPTIONAL MATCH (v:DatasetVersion {datasetId: d.id})
  WHERE NOT (r)-[:WROTE]->(v)
  WITH v ORDER BY CASE WHEN v.createdAt <= input.at THEN 0 ELSE 1 END, CASE WHEN v.createdAt <= input.at THEN v.createdAt END DESC, v.createdAt
  LIMIT 1
  RETURN v AS found
}
CALL (d, input, found) {
  WITH found WHERE found IS NOT NULL
  RETURN found AS v
  UNION
  WITH d, input, found WHERE found IS NULL
  MERGE (v:DatasetVersion {datasetId: d.id, version: $initialVersion})
    ON CREATE SET v.id = randomUUID(), v.contentHash = null, v.fingerprint = null, v.rowCount = null, v.createdAt = input.at
  MERGE (v)-[:VERSION_OF]->(d)
  RETURN v
}
MERGE (r)-[:READ]->(v)
WITH v, input
WHERE v.contentHash IS NULL
SET v.createdAt = CASE WHEN input.at < v.createdAt THEN input.at ELSE v.createdAt END
WITH v, input
UNWIND input.fields AS f
MERGE (field:Field {datasetVersionId: v.id, name: f.name})
  ON CREATE SET field.id = randomUUID(), field.type = f.type, field.description = f.description, field.profile = f.profile, field.position = f.position
MERGE (v)-[:HAS_FIELD]->(field)

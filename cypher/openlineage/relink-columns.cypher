// Column lineage follows a re-bound read: the run's output fields that were DERIVED_FROM fields of
// the version it read before ($fromVersionId, no longer the newest it read) are linked to the
// same-named fields of the version now newest (a placeholder gets the field; a real version without
// it links nothing). The old edge is kept, with retractedAt; the new one copies its transformations.
// @param relinks: { runId: string; fromVersionId: string; toVersionId: string }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $relinks AS link
MATCH (:Run {runId: link.runId})-[:WROTE]->(:DatasetVersion)-[:HAS_FIELD]->(out:Field)-[old:DERIVED_FROM]->(f:Field {datasetVersionId: link.fromVersionId})
WHERE old.retractedAt IS NULL
SET old.retractedAt = datetime()
WITH DISTINCT out, old, f, link
MATCH (to:DatasetVersion {id: link.toVersionId})
CALL (to, f) {
  WITH * WHERE to.contentHash IS NULL
  // A subquery may not stand in MERGE's SET: the position (next after the fields it has) first.
  WITH to, f, COUNT { (to)-[:HAS_FIELD]->() } AS position
  MERGE (added:Field {datasetVersionId: to.id, name: f.name})
    ON CREATE SET added.id = randomUUID(), added.type = f.type, added.description = f.description, added.profile = null,
                  added.position = position, added.createdAt = to.createdAt, added.recordedAt = datetime()
  MERGE (to)-[h:HAS_FIELD]->(added)
    ON CREATE SET h.recordedAt = datetime()
}
MATCH (to)-[:HAS_FIELD]->(target:Field {name: f.name})
WHERE NOT EXISTS { (out)-[x:DERIVED_FROM]->(target) WHERE x.retractedAt IS NULL }
CREATE (out)-[d:DERIVED_FROM]->(target)
SET d = properties(old), d.retractedAt = null, d.recordedAt = datetime()

-- The impact closure (everything downstream of one node) as one recursive CTE over the edges table,
-- as lineage stores on PostgreSQL (Marquez) write it: the rules of cypher/lineage/downstream.cypher
-- and neo4j/src/main/java/dev/modelgraph/LineageRules.java, at the current time (nothing is
-- retracted in the generated graph, so time travel is left out of the comparison):
-- - a version to the runs that READ it and the model versions TRAINED_ON it; a run to the model
--   versions PRODUCED_BY it; a job to its runs (RUN_OF); a field to the fields and features
--   DERIVED_FROM it; a feature to the model versions that USE it; a model version to its
--   ensembles (MEMBER) and deployments (SERVES); an ensemble to its deployments: each against
--   the stored direction;
-- - a run to the versions it WROTE, a version to its fields (HAS_FIELD): along it;
-- - the origin, when a dataset or model, to its versions; a dataset version that is not the origin
--   to its dataset (reported: a dataset has nothing else to follow);
-- - MEMBER and SERVES only while they hold (valid_from <= now < valid_to), nothing retracted.
-- A node's depth is that of some walk of at most $2 hops; UNION (not UNION ALL) drops a
-- (node, depth) already found, so the walk ends; the closure is the distinct nodes, origin included.
-- $1: the origin's id, $2: the depth limit.
WITH RECURSIVE closure(node, depth) AS (
    SELECT $1::uuid, 0
  UNION
    SELECT step.next, c.depth + 1
    FROM closure c
    CROSS JOIN LATERAL (
        SELECT e.dst AS next, e.valid_from, e.valid_to, e.retracted_at
        FROM edges e WHERE e.src = c.node AND e.type IN ('WROTE', 'HAS_FIELD')
      UNION ALL
        SELECT e.src, e.valid_from, e.valid_to, e.retracted_at
        FROM edges e WHERE e.dst = c.node
          AND e.type IN ('READ', 'TRAINED_ON', 'PRODUCED_BY', 'DERIVED_FROM', 'USES_FEATURE', 'RUN_OF', 'MEMBER', 'SERVES')
      UNION ALL
        SELECT e.src, e.valid_from, e.valid_to, e.retracted_at
        FROM edges e WHERE e.dst = c.node AND e.type = 'VERSION_OF' AND c.node = $1::uuid
      UNION ALL
        SELECT e.dst, e.valid_from, e.valid_to, e.retracted_at
        FROM edges e JOIN nodes n ON n.id = e.src
        WHERE e.src = c.node AND e.type = 'VERSION_OF' AND n.label = 'DatasetVersion' AND c.node <> $1::uuid
    ) step
    WHERE c.depth < $2::int
      AND step.retracted_at IS NULL
      AND (step.valid_from IS NULL OR step.valid_from <= now())
      AND (step.valid_to IS NULL OR step.valid_to > now())
)
SELECT DISTINCT node AS id FROM closure

// Creates each dataset (namespace, name) or updates its facets and description; the same node a
// GraphQL upsertDataset or registerDatasetVersion names. updatedAt moves only on a change.
// @param datasets: { namespace: string; name: string; facets: string; description: string | null }[]
UNWIND $datasets AS ds
MERGE (d:Dataset {namespace: ds.namespace, name: ds.name})
  ON CREATE SET d.id = randomUUID(), d.createdAt = datetime(), d.updatedAt = datetime()
WITH d, ds, (d.facets IS NULL OR d.facets <> ds.facets OR (ds.description IS NOT NULL AND coalesce(d.description, '') <> ds.description)) AS changed
SET d.facets = ds.facets,
    d.description = coalesce(ds.description, d.description),
    d.updatedAt = CASE WHEN changed THEN datetime() ELSE d.updatedAt END

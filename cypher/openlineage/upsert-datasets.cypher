// Creates each dataset (namespace, name) or sets its facets and description; the same node a
// GraphQL upsertDataset or registerDatasetVersion names. Only datasets whose facets or description
// the batch changed are sent, so updatedAt moves only on a change. createdAt: the earliest
// eventTime naming it (a dataset GraphQL created later is lowered to it too: it existed then).
// @param datasets: { namespace: string; name: string; facets: string; facetTimes: string; description: string | null; createdAt: Date }[]
// Every look-up is a key seek: the plan made once serves, not remade as counts grow (ingest.repository.ts).
CYPHER replan=skip
UNWIND $datasets AS ds
MERGE (d:Dataset {namespace: ds.namespace, name: ds.name})
  ON CREATE SET d.id = randomUUID(), d.createdAt = ds.createdAt, d.recordedAt = datetime()
SET d.facets = ds.facets, d.facetTimes = ds.facetTimes,
    d.createdAt = CASE WHEN d.createdAt IS NULL OR ds.createdAt < d.createdAt THEN ds.createdAt ELSE d.createdAt END,
    d.description = coalesce(ds.description, d.description),
    d.updatedAt = datetime()

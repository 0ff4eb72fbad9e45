// Creates each dataset (namespace, name) or sets its facets and description; the same node a
// GraphQL upsertDataset or registerDatasetVersion names. Only datasets whose facets or description
// the batch changed are sent, so updatedAt moves only on a change.
// @param datasets: { namespace: string; name: string; facets: string; description: string | null }[]
UNWIND $datasets AS ds
MERGE (d:Dataset {namespace: ds.namespace, name: ds.name})
  ON CREATE SET d.id = randomUUID(), d.createdAt = datetime()
SET d.facets = ds.facets,
    d.description = coalesce(ds.description, d.description),
    d.updatedAt = datetime()

// The graph dataset a logged MLflow input names, among the (namespace, name) readings of its
// source URI (first match wins), with its version current at $at (else its newest).
// @param candidates: { namespace: string; name: string }[]
// @param at: Date
// @returns namespace: string
// @returns name: string
// @returns version: string | null
UNWIND range(0, size($candidates) - 1) AS i
WITH i, $candidates[i] AS c
MATCH (d:Dataset {namespace: c.namespace, name: c.name})
WITH d, i ORDER BY i LIMIT 1
OPTIONAL MATCH (v:DatasetVersion {datasetId: d.id})
WITH d, v ORDER BY CASE WHEN v.createdAt <= $at THEN 0 ELSE 1 END, CASE WHEN v.createdAt <= $at THEN v.createdAt END DESC, v.createdAt DESC
RETURN d.namespace AS namespace, d.name AS name, collect(v.version)[0] AS version

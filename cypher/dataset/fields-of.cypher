// For each dataset version id: its fields in schema order.
// @param versionIds: string[]
UNWIND $versionIds AS versionId
MATCH (f:Field {datasetVersionId: versionId})
RETURN f {.*} AS field
ORDER BY f.position

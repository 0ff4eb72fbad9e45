// For each dataset version id: its fields in schema order.
// @param versionIds: string[]
// @returns field: { id: string; datasetVersionId: string; name: string; type?: string; description?: string; profile?: string; position: number }
UNWIND $versionIds AS versionId
MATCH (f:Field {datasetVersionId: versionId})
RETURN f {.*} AS field
ORDER BY f.position

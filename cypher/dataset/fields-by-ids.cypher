// The fields with these ids.
// @param ids: string[]
// @returns field: { id: string; datasetVersionId: string; name: string; type?: string; description?: string; profile?: string; position: number }
UNWIND $ids AS id
MATCH (f:Field {id: id})
RETURN f {.*} AS field

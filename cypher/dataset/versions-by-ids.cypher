// The dataset versions with these ids.
// @param ids: string[]
// @returns version: { id: string; datasetId: string; version: string; contentHash?: string; fingerprint?: string; rowCount?: number; createdAt: Date }
UNWIND $ids AS id
MATCH (v:DatasetVersion {id: id})
RETURN v {.*} AS version

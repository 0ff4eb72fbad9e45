// For each dataset id: its versions, newest first, each with the dataset id it belongs to.
// @param datasetIds: string[]
UNWIND $datasetIds AS datasetId
MATCH (v:DatasetVersion {datasetId: datasetId})
RETURN v {.*} AS version
ORDER BY v.createdAt DESC, v.version DESC

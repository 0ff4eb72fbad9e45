// A dataset's versions by creation time, so "the newest version of this dataset created at or
// before t" (what an OpenLineage input read, load-versions.cypher) is an index seek that stops at
// the first matches, not a read and sort of every version the dataset ever had: an hourly job's
// output has 8,760 after a year, and each run reading it would pay for all of them.
CREATE INDEX dataset_version_timeline IF NOT EXISTS FOR (n:DatasetVersion) ON (n.datasetId, n.createdAt);

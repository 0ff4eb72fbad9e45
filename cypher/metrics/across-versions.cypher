// Every version of a model, oldest first, with its offline metrics JSON and the summaries (and,
// when asked, the values) of its hour buckets of one metric. No row when the model does not exist.
// @param model: string
// @param metric: string
// @param needValues: boolean
// @returns version: { id: string; version: string; createdAt: Date; metrics: string | null } | null
// @returns buckets: { start: Date; count: Integer; sum: number; min: number; max: number; last: number; lastAt: Date; values: number[] | null }[]
MATCH (m:Model {name: $model})
OPTIONAL MATCH (m)<-[:VERSION_OF]-(mv:ModelVersion)
CALL (mv) {
  OPTIONAL MATCH (s:MetricSeries {targetId: mv.id, name: $metric})
  OPTIONAL MATCH (b:MetricBucket {seriesId: s.id})
  RETURN collect(b {.start, .count, .sum, .min, .max, .last, .lastAt, values: CASE WHEN $needValues THEN b.values END}) AS buckets
}
RETURN mv {.id, .version, .createdAt, .metrics} AS version, buckets
ORDER BY mv.createdAt, mv.version

// For each named deployment, the hour buckets of its $metric series overlapping [$from, $to), oldest
// first: always the summary; the raw points only for a bucket cut by $from, $at or $to (a bucket
// wholly before or wholly after $at is counted by its summary alone).
// @param deployments: string[]
// @param metric: string
// @param from: Date
// @param at: Date
// @param to: Date
// @param fromHour: Date
// @returns deployment: string
// @returns start: Date
// @returns count: Integer
// @returns sum: number
// @returns min: number
// @returns max: number
// @returns last: number
// @returns lastAt: Date
// @returns points: Integer[] | null
// @returns values: number[] | null
UNWIND $deployments AS deployment
MATCH (d:Deployment {name: deployment})
MATCH (s:MetricSeries {targetId: d.id, name: $metric})
MATCH (b:MetricBucket {seriesId: s.id})
WHERE b.start >= $fromHour AND b.start < $to
WITH deployment, b, b.start + duration('PT1H') AS bucketEnd
WITH deployment, b, b.start < $from OR bucketEnd > $to OR (b.start < $at AND bucketEnd > $at) AS cut
RETURN deployment, b.start AS start, b.count AS count, b.sum AS sum, b.min AS min, b.max AS max, b.last AS last, b.lastAt AS lastAt,
       CASE WHEN cut THEN b.points END AS points, CASE WHEN cut THEN b.values END AS values
ORDER BY deployment, start

// The hour buckets of one series overlapping [$from, $to), oldest first: always the summary, and
// the raw lists only when the caller needs them or the bucket is cut by either end of the range.
// @param targetId: string
// @param name: string
// @param from: Date
// @param to: Date
// @param fromHour: Date
// @param needPoints: boolean
// @returns start: Date
// @returns count: Integer
// @returns sum: number
// @returns min: number
// @returns max: number
// @returns last: number
// @returns lastAt: Date
// @returns points: Integer[] | null
// @returns values: number[] | null
MATCH (s:MetricSeries {targetId: $targetId, name: $name})
MATCH (b:MetricBucket {seriesId: s.id})
WHERE b.start >= $fromHour AND b.start < $to
WITH b, $needPoints OR b.start < $from OR b.start + duration('PT1H') > $to AS cut
RETURN b.start AS start, b.count AS count, b.sum AS sum, b.min AS min, b.max AS max, b.last AS last, b.lastAt AS lastAt,
       CASE WHEN cut THEN b.points END AS points, CASE WHEN cut THEN b.values END AS values
ORDER BY b.start

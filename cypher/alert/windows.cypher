// The hour buckets of metric series overlapping time windows [from, to), one row per window (key):
// the summary of every bucket, and the points of those cut by the window (or all, with needPoints).
// A window of a series that has no points yet has an empty list.
// @param windows: { key: string; targetId: string; name: string; from: Date; fromHour: Date; to: Date; needPoints: boolean }[]
// @returns key: string
// @returns buckets: { start: Date; count: Integer; sum: number; min: number; max: number; last: number; lastAt: Date; points: Integer[] | null; values: number[] | null }[]
UNWIND $windows AS w
CALL (w) {
  OPTIONAL MATCH (s:MetricSeries {targetId: w.targetId, name: w.name})
  OPTIONAL MATCH (b:MetricBucket {seriesId: s.id}) WHERE b.start >= w.fromHour AND b.start < w.to
  WITH b, w.needPoints OR b.start < w.from OR b.start + duration('PT1H') > w.to AS cut
  ORDER BY b.start
  RETURN collect(b {.start, .count, .sum, .min, .max, .last, .lastAt,
    points: CASE WHEN cut THEN b.points END, values: CASE WHEN cut THEN b.values END}) AS buckets
}
RETURN w.key AS key, buckets

// Adds points to hour buckets of metric series; each bucket's new points come ascending by
// timestamp, one per timestamp. A point whose timestamp the bucket holds already replaces it (a
// re-send is idempotent). The SET of updatedAt comes first: it takes the bucket's write lock
// before the lists are read, so two writers to one bucket queue up instead of one overwriting the
// other's points. A bucket is written one of two ways:
// - appended to, when it is new or every new point is later than its latest one (lastAt), as a
//   live feed sends them: the lists are extended and the summary updated from the new values
//   alone, with no lookup of old points among the new ones;
// - merged, otherwise (a re-send, a late point): the stored points whose timestamps come again are
//   dropped, and the summary is recomputed from the merged lists.
// @param buckets: { seriesId: string; start: Date; points: Integer[]; values: number[]; datasets: string[]; tags: string[] }[]
// @returns buckets: Integer
UNWIND $buckets AS g
MERGE (b:MetricBucket {seriesId: g.seriesId, start: g.start})
SET b.updatedAt = datetime()
WITH b, g, g.values AS added, b.lastAt IS NULL OR g.points[0] > b.lastAt.epochMillis AS appending
CALL (b, g, added, appending) {
  WITH b, g, added WHERE appending
  SET b.points = coalesce(b.points, []) + g.points, b.values = coalesce(b.values, []) + added,
      b.datasets = coalesce(b.datasets, []) + g.datasets, b.tags = coalesce(b.tags, []) + g.tags,
      b.count = coalesce(b.count, 0) + size(added),
      b.sum = reduce(s = coalesce(b.sum, 0.0), v IN added | s + v),
      b.min = reduce(m = coalesce(b.min, added[0]), v IN added | CASE WHEN v < m THEN v ELSE m END),
      b.max = reduce(m = coalesce(b.max, added[0]), v IN added | CASE WHEN v > m THEN v ELSE m END),
      b.last = added[-1],
      b.lastAt = datetime({epochMillis: g.points[-1]})
  UNION ALL
  WITH b, g, added WHERE NOT appending
  WITH b, g, added, [i IN range(0, size(b.points) - 1) WHERE NOT b.points[i] IN g.points] AS keep
  WITH b, [i IN keep | b.points[i]] + g.points AS points, [i IN keep | b.values[i]] + added AS values,
       [i IN keep | b.datasets[i]] + g.datasets AS datasets, [i IN keep | b.tags[i]] + g.tags AS tags
  WITH b, points, values, datasets, tags,
       reduce(j = 0, i IN range(0, size(points) - 1) | CASE WHEN points[i] >= points[j] THEN i ELSE j END) AS lastIndex
  SET b.points = points, b.values = values, b.datasets = datasets, b.tags = tags,
      b.count = size(points),
      b.sum = reduce(s = 0.0, v IN values | s + v),
      b.min = reduce(m = values[0], v IN values | CASE WHEN v < m THEN v ELSE m END),
      b.max = reduce(m = values[0], v IN values | CASE WHEN v > m THEN v ELSE m END),
      b.last = values[lastIndex],
      b.lastAt = datetime({epochMillis: points[lastIndex]})
}
RETURN count(b) AS buckets

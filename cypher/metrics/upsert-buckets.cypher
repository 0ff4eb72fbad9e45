// Adds points to hour buckets of metric series; each bucket's new points come ascending by
// timestamp, one per timestamp. A point whose timestamp the bucket holds already replaces it (a
// re-send is idempotent). The SET of updatedAt comes first: it takes the bucket's write lock
// before the lists are read, so two writers to one bucket queue up instead of one overwriting the
// other's points. A bucket is written one of two ways:
// - appended to, when it is new or every new point is later than its latest one (lastAt), as a
//   live feed sends them: the lists are extended and the summary updated from the new values'
//   own (sum, min, max, computed by the caller: no per-point work here), with no lookup of old
//   points among the new ones;
// - merged, otherwise (a re-send, a late point): the stored points whose timestamps come again are
//   dropped, and the summary is recomputed from the merged lists.
// The datasets and tags lists are kept only once a point of the bucket has one: absent, every
// point has none (''), which is what a monitoring feed sends; a bucket and a batch without them
// write only the points and the values (half the lists a write rewrites). null in a batch: no point
// of it has one; a list that starts later is padded with '' for the points stored before it.
// @param buckets: { seriesId: string; start: Date; points: Integer[]; values: number[]; sum: number; min: number; max: number; datasets: string[] | null; tags: string[] | null }[]
// @returns buckets: Integer
UNWIND $buckets AS g
MERGE (b:MetricBucket {seriesId: g.seriesId, start: g.start})
SET b.updatedAt = datetime()
WITH b, g, g.values AS added, b.lastAt IS NULL OR g.points[0] > b.lastAt.epochMillis AS appending
CALL (b, g, added, appending) {
  WITH b, g, added WHERE appending
  // Read before the SET: its items are applied one after another.
  WITH b, g, added, coalesce(b.count, 0) AS stored, b.datasets AS datasets, b.tags AS tags
  SET b.points = coalesce(b.points, []) + g.points, b.values = coalesce(b.values, []) + added,
      b.datasets = CASE WHEN datasets IS NOT NULL OR g.datasets IS NOT NULL
                        THEN coalesce(datasets, [i IN range(1, stored) | '']) + coalesce(g.datasets, [p IN g.points | '']) END,
      b.tags = CASE WHEN tags IS NOT NULL OR g.tags IS NOT NULL THEN coalesce(tags, [i IN range(1, stored) | '']) + coalesce(g.tags, [p IN g.points | '']) END,
      b.count = stored + size(added),
      b.sum = coalesce(b.sum, 0.0) + g.sum,
      b.min = CASE WHEN b.min IS NULL OR g.min < b.min THEN g.min ELSE b.min END,
      b.max = CASE WHEN b.max IS NULL OR g.max > b.max THEN g.max ELSE b.max END,
      b.last = added[-1],
      b.lastAt = datetime({epochMillis: g.points[-1]})
  UNION ALL
  WITH b, g, added WHERE NOT appending
  WITH b, g, added, [i IN range(0, size(b.points) - 1) WHERE NOT b.points[i] IN g.points] AS keep
  WITH b, [i IN keep | b.points[i]] + g.points AS points, [i IN keep | b.values[i]] + added AS values,
       CASE WHEN b.datasets IS NOT NULL OR g.datasets IS NOT NULL
            THEN [i IN keep | coalesce(b.datasets[i], '')] + coalesce(g.datasets, [p IN g.points | '']) END AS datasets,
       CASE WHEN b.tags IS NOT NULL OR g.tags IS NOT NULL THEN [i IN keep | coalesce(b.tags[i], '')] + coalesce(g.tags, [p IN g.points | '']) END AS tags
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

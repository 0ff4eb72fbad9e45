// Adds points to hour buckets of metric series. A point whose timestamp the bucket holds already
// replaces it (a re-send is idempotent); the summary is recomputed from the merged lists. The SET
// of updatedAt comes first: it takes the bucket's write lock before the lists are read, so two
// writers to one bucket queue up instead of one overwriting the other's points.
// @param buckets: { seriesId: string; start: Date; points: number[]; values: number[]; datasets: string[]; tags: string[] }[]
UNWIND $buckets AS g
MERGE (b:MetricBucket {seriesId: g.seriesId, start: g.start})
SET b.updatedAt = datetime()
WITH b, g, coalesce(b.points, []) AS oldPoints
WITH b, g, [i IN range(0, size(oldPoints) - 1) WHERE NOT oldPoints[i] IN g.points] AS keep
WITH b,
     [i IN keep | b.points[i]] + g.points AS points,
     [i IN keep | b.values[i]] + [v IN g.values | toFloat(v)] AS values,
     [i IN keep | b.datasets[i]] + g.datasets AS datasets,
     [i IN keep | b.tags[i]] + g.tags AS tags
WITH b, points, values, datasets, tags,
     reduce(j = 0, i IN range(0, size(points) - 1) | CASE WHEN points[i] >= points[j] THEN i ELSE j END) AS lastIndex
SET b.points = points, b.values = values, b.datasets = datasets, b.tags = tags,
    b.count = size(points),
    b.sum = reduce(s = 0.0, v IN values | s + v),
    b.min = reduce(m = values[0], v IN values | CASE WHEN v < m THEN v ELSE m END),
    b.max = reduce(m = values[0], v IN values | CASE WHEN v > m THEN v ELSE m END),
    b.last = values[lastIndex],
    b.lastAt = datetime({epochMillis: points[lastIndex]})
RETURN count(b) AS buckets

// Metrics: a series per (target, metric name), hour buckets per series. The bucket key
// constraint is also the index every write (MERGE) and every range read (seriesId =, start range) uses.
// Every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT metric_series_id IF NOT EXISTS FOR (n:MetricSeries) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_series_key IF NOT EXISTS FOR (n:MetricSeries) REQUIRE (n.targetId, n.name) IS UNIQUE;
CREATE CONSTRAINT metric_bucket_key IF NOT EXISTS FOR (n:MetricBucket) REQUIRE (n.seriesId, n.start) IS UNIQUE;

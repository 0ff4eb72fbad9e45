import { useGraph } from './support/graph';
import { createModelGraph } from './metrics.fixtures';

/* Recording points and reading them back in MINUTE/HOUR/DAY/WEEK buckets with every aggregate. */

const RECORD = `mutation($points: [MetricPointInput!]!) { recordMetrics(points: $points) { points series buckets } }`;
const SERIES = `query($t: MetricTargetInput!, $name: String!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: TimeBucket!, $agg: MetricAggregate!) {
  metricSeries(target: $t, name: $name, from: $from, to: $to, bucket: $bucket, aggregate: $agg) { start value count } }`;

const BUCKETS = ['MINUTE', 'HOUR', 'DAY', 'WEEK'] as const;
const AGGREGATES = ['AVG', 'MIN', 'MAX', 'LAST', 'COUNT', 'P50', 'P95'] as const;

// Monday 2026-01-05. Two points share a minute, three an hour, four a day, five a week.
const POINTS: [string, number][] = [
  ['2026-01-05T10:00:45Z', 3], ['2026-01-05T10:00:30Z', 1], ['2026-01-05T10:30:00Z', 5], ['2026-01-05T11:15:00Z', 7],
  ['2026-01-06T09:00:00Z', 10], ['2026-01-12T09:00:00Z', 20],
];

/** A deliberately naive reference: every point into its slot, then the aggregate by definition. */
function expected(bucket: (typeof BUCKETS)[number], agg: (typeof AGGREGATES)[number], from: string, to: string) {
  const size = { MINUTE: 60e3, HOUR: 3600e3, DAY: 86400e3, WEEK: 7 * 86400e3 }[bucket];
  const offset = bucket === 'WEEK' ? 4 * 86400e3 : 0;
  const slots = new Map<number, [number, number][]>();
  for (const [t, v] of POINTS) {
    const ms = Date.parse(t);
    if (ms < Date.parse(from) || ms >= Date.parse(to)) continue;
    const start = Math.floor((ms - offset) / size) * size + offset;
    slots.set(start, [...(slots.get(start) ?? []), [ms, v]]);
  }
  const pct = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b); const pos = q * (s.length - 1); const lo = Math.floor(pos);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
  };
  return [...slots].sort((a, b) => a[0] - b[0]).map(([start, pts]) => {
    const vs = pts.map((p) => p[1]);
    const value = { AVG: vs.reduce((a, b) => a + b, 0) / vs.length, MIN: Math.min(...vs), MAX: Math.max(...vs), COUNT: vs.length,
      LAST: [...pts].sort((a, b) => b[0] - a[0])[0][1], P50: pct(vs, 0.5), P95: pct(vs, 0.95) }[agg];
    return { start: new Date(start).toISOString(), value, count: vs.length };
  });
}

const rounded = (rows: { start: string; value: number; count: number }[]) => rows.map((r) => ({ ...r, value: Number(r.value.toFixed(9)) }));

describe('metric series', () => {
  const graph = useGraph();
  let mv: string;
  const target = () => ({ modelVersion: mv });
  const record = (points: [string, number][], extra: Record<string, unknown> = {}) =>
    graph.ok(RECORD, { points: points.map(([timestamp, value]) => ({ target: target(), name: 'accuracy', value, timestamp, ...extra })) });
  const series = (bucket: string, agg: string, from = '2026-01-01T00:00:00Z', to = '2026-02-01T00:00:00Z') =>
    graph.ok(SERIES, { t: target(), name: 'accuracy', from, to, bucket, agg }).then((d) => d.metricSeries);

  beforeEach(async () => { mv = (await createModelGraph(graph.db)).versions[0]; });

  it('stores points in hour buckets, one series per target and name', async () => {
    const { recordMetrics } = await record(POINTS);
    expect(recordMetrics).toEqual({ points: 6, series: 1, buckets: 4 }); // 10:00 (three points), 11:00, Jan 6 09:00, Jan 12 09:00
  });

  it('reports by hand-checked values: hourly averages and weekly p95', async () => {
    await record(POINTS);
    expect(await series('HOUR', 'AVG', '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z')).toEqual([
      { start: '2026-01-05T10:00:00.000Z', value: 3, count: 3 }, { start: '2026-01-05T11:00:00.000Z', value: 7, count: 1 }]);
    // week of Jan 5: values 1 3 5 7 10 → p95 at position 3.8 = 7 + 0.8 × 3
    expect(rounded(await series('WEEK', 'P95'))[0]).toEqual({ start: '2026-01-05T00:00:00.000Z', value: 9.4, count: 5 });
    expect((await series('MINUTE', 'LAST', '2026-01-05T10:00:00Z', '2026-01-05T10:01:00Z'))).toEqual([
      { start: '2026-01-05T10:00:00.000Z', value: 3, count: 2 }]);
  });

  it.each(BUCKETS.flatMap((b) => AGGREGATES.map((a) => [b, a] as const)))('%s buckets, %s', async (bucket, agg) => {
    await record(POINTS);
    const result = await series(bucket, agg);
    expect(rounded(result)).toEqual(rounded(expected(bucket, agg, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')));
  });

  it('cuts buckets at both ends of the range, summaries inside it', async () => {
    await record(POINTS);
    for (const agg of AGGREGATES) {
      for (const bucket of ['HOUR', 'DAY'] as const) {
        expect(rounded(await series(bucket, agg, '2026-01-05T10:00:40Z', '2026-01-06T09:00:00Z')))
          .toEqual(rounded(expected(bucket, agg, '2026-01-05T10:00:40Z', '2026-01-06T09:00:00Z')));
      }
    }
  });

  it('replaces a re-sent point instead of adding it, and keeps replays idempotent', async () => {
    await record(POINTS);
    const nodes = await graph.countNodes();
    await record(POINTS);
    await record([['2026-01-05T10:00:30Z', 2]]);
    expect(await graph.countNodes()).toBe(nodes);
    expect(await series('HOUR', 'COUNT', '2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z')).toEqual([{ start: '2026-01-05T10:00:00.000Z', value: 3, count: 3 }]);
    expect((await series('HOUR', 'MIN', '2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z'))[0].value).toBe(2);
    // a timestamp twice in one batch: the later entry wins
    await record([['2026-01-05T11:15:00Z', 8], ['2026-01-05T11:15:00Z', 9]]);
    expect(await series('HOUR', 'AVG', '2026-01-05T11:00:00Z', '2026-01-05T12:00:00Z')).toEqual([{ start: '2026-01-05T11:00:00.000Z', value: 9, count: 1 }]);
  });

  it('keeps summaries right whether a batch appends to a bucket, lands among its points, or interleaves series', async () => {
    // Ends with POINTS stored, so the naive reference applies. 'mm:ss' is a time in 2026-01-05 10:00.
    const at = (t: string) => (t.length === 5 ? `2026-01-05T10:${t}Z` : t);
    const batch = (points: [string, number, string?][]) => graph.ok(RECORD, {
      points: points.map(([t, value, name]) => ({ target: target(), name: name ?? 'accuracy', value, timestamp: at(t) })) });
    await batch([['00:30', 1], ['2026-01-05T11:15:00Z', 99], ['2026-01-12T09:00:00Z', 20]]);
    // 10:00: both points later than the bucket's latest (appended); 11:00: its one point re-sent (merged)
    await batch([['00:45', 9], ['30:00', 5], ['2026-01-05T11:15:00Z', 7]]);
    expect(await series('HOUR', 'LAST', '2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z')).toEqual([
      { start: '2026-01-05T10:00:00.000Z', value: 5, count: 3 }, { start: '2026-01-05T11:00:00.000Z', value: 7, count: 1 }]);
    // series interleaved, 10:00 out of order: 00:45 given twice (the later entry wins), 00:30 re-sent, 30:00 kept
    const { recordMetrics } = await batch([['00:45', 4], ['05:00', 0.5, 'loss'], ['2026-01-06T09:00:00Z', 10], ['00:30', 1], ['00:45', 3]]);
    expect(recordMetrics).toEqual({ points: 4, series: 2, buckets: 3 });
    for (const bucket of ['MINUTE', 'HOUR'] as const) {
      for (const agg of AGGREGATES) expect(rounded(await series(bucket, agg))).toEqual(rounded(expected(bucket, agg, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')));
    }
    const [tenOClock] = await graph.db.runAutoCommit(
      "MATCH (b:MetricBucket {start: datetime('2026-01-05T10:00Z')}) WHERE b.count = 3 RETURN b.last AS last, b.lastAt AS lastAt, b.datasets AS datasets");
    expect(tenOClock).toMatchObject({ last: 5, lastAt: new Date('2026-01-05T10:30:00Z'), datasets: null }); // no point named a dataset version
  });

  it('keeps a dataset version and tags per point once one appears, padded with none for the points stored before', async () => {
    const [{ dv }] = await graph.db.runAutoCommit("MATCH (v:DatasetVersion {version: 'v1'}) RETURN v.id AS dv");
    const lists = async () => (await graph.db.runAutoCommit(
      "MATCH (b:MetricBucket {start: datetime('2026-01-05T10:00Z')}) RETURN b.points AS points, b.datasets AS datasets, b.tags AS tags"))[0];
    await record([['2026-01-05T10:01:00Z', 1], ['2026-01-05T10:02:00Z', 2]]);
    expect(await lists()).toMatchObject({ datasets: null, tags: null });
    await record([['2026-01-05T10:03:00Z', 3]], { datasetVersionId: dv }); // appended
    expect(await lists()).toMatchObject({ datasets: ['', '', dv], tags: null });
    await record([['2026-01-05T10:00:30Z', 0]], { tags: { region: 'eu' } }); // merged: earlier than the latest
    expect(await lists()).toMatchObject({ points: [1, 2, 3, 0.5].map((m) => Date.parse('2026-01-05T10:00:00Z') + m * 60_000),
      datasets: ['', '', dv, ''], tags: ['', '', '', '{"region":"eu"}'] });
    expect(await series('MINUTE', 'COUNT', '2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z')).toHaveLength(4);
  });

  it('records 5,000 points in one call and one transaction', async () => {
    const start = Date.parse('2026-03-02T00:00:00Z');
    const points = Array.from({ length: 5000 }, (_, i) => [new Date(start + i * 60_000).toISOString(), i % 100] as [string, number]);
    const began = Date.now();
    const result = await graph.gql(RECORD, { points: points.map(([timestamp, value]) => ({ target: target(), name: 'latency', value, timestamp, tags: { region: 'eu' } })) });
    const elapsed = Date.now() - began;
    expect(result.errors).toBeUndefined();
    expect(result.data.recordMetrics).toEqual({ points: 5000, series: 1, buckets: 84 });
    expect(result.statements).toBeLessThanOrEqual(3);
    const days = (await graph.ok(SERIES, { t: target(), name: 'latency', from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z', bucket: 'DAY', agg: 'COUNT' })).metricSeries;
    expect(days.map((d: { count: number }) => d.count)).toEqual([1440, 1440, 1440, 680]);
    process.stdout.write(`recordMetrics: 5,000 points in ${elapsed} ms\n`);
  });
});

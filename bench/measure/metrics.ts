import { ModelPlan } from '../generate/models';
import { gql } from '../http';
import { runConcurrently } from '../stats';

const RECORD = `mutation($points: [MetricPointInput!]!) { recordMetrics(points: $points) { points series buckets } }`;
const NAMES = ['accuracy', 'latency_p95_ms', 'auc'];

export interface MetricsCase {
  batchSize: number;
  concurrency: number;
  points: number;
  seconds: number;
  pointsPerSecond: number;
}

/**
 * recordMetrics as a monitoring exporter sends it: every batch holds the next 100 minutes of one
 * point a minute for 50 series (model version × metric); each client has its own series, so
 * concurrent clients do not queue on the same hour buckets.
 */
export async function measureMetrics(url: string, models: ModelPlan[], totalPoints: number): Promise<MetricsCase[]> {
  const out: MetricsCase[] = [];
  const versions = models.flatMap((m) => m.versions.slice(-3).map((v) => v.id));
  const seriesPerBatch = 50;
  const minutesPerBatch = 100;
  for (const concurrency of [1, 2]) {
    const batches = Math.max(2, Math.ceil(totalPoints / (seriesPerBatch * minutesPerBatch)));
    const series = (worker: number) => Array.from({ length: seriesPerBatch }, (_, s) => {
      const k = (worker * seriesPerBatch + s) % (versions.length * NAMES.length);
      return { modelVersion: versions[Math.floor(k / NAMES.length) % versions.length], name: `${NAMES[k % NAMES.length]}_c${concurrency}` };
    });
    const batchNo = [0, 0];
    let points = 0;
    const ms = await runConcurrently(batches, concurrency, async (_, worker) => {
      const start = Date.UTC(2026, 1, 1) + (batchNo[worker]++) * minutesPerBatch * 60_000;
      const batch = series(worker).flatMap((s) => Array.from({ length: minutesPerBatch }, (__, m) => ({
        target: { modelVersion: s.modelVersion }, name: s.name, value: Math.sin(m / 10) + 1, timestamp: new Date(start + m * 60_000).toISOString(),
      })));
      const res = await gql<{ recordMetrics: { points: number } }>(url, RECORD, { points: batch });
      points += res.data.recordMetrics.points;
    });
    out.push({ batchSize: seriesPerBatch * minutesPerBatch, concurrency, points, seconds: Math.round(ms / 10) / 100, pointsPerSecond: Math.round(points / (ms / 1000)) });
  }
  return out;
}

import { percentile } from '../src/common/percentile';

/** Latency percentiles over repeated runs of one operation. */
export interface Latency {
  reps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(samplesMs: number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    reps: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]),
  };
}

/**
 * Runs `op` sequentially (one client: latency, not throughput): `warmup` unrecorded runs first so
 * plan caches, the page cache and V8's JIT are warm, then `reps` timed runs.
 */
export async function timeRepeated(op: () => Promise<unknown>, reps: number, warmup: number): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await op();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    await op();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** Runs `count` tasks with `concurrency` workers pulling from one queue; returns the wall time in ms. */
export async function runConcurrently(count: number, concurrency: number, task: (i: number, worker: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    while (next < count) await task(next++, worker);
  }));
  return performance.now() - started;
}

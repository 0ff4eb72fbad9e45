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

/**
 * Several operations timed in one loop: each repetition runs every one once, starting one further
 * along the list each time (a, b, c; b, c, a; ...), so none always follows the same neighbour or
 * gets the caches the one before it warmed. `warmup` unrecorded rounds first. Latency per name.
 */
export async function timeInterleaved(ops: [string, () => Promise<unknown>][], reps: number, warmup: number): Promise<Record<string, Latency>> {
  const samples: Record<string, number[]> = Object.fromEntries(ops.map(([name]) => [name, []]));
  for (let round = 0; round < warmup + reps; round++) {
    for (let k = 0; k < ops.length; k++) {
      const [name, op] = ops[(round + k) % ops.length];
      const started = performance.now();
      await op();
      if (round >= warmup) samples[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarize(s)]));
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

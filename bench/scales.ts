/**
 * Sizes of the generated graph and of each measurement. `small` is the CI smoke check (seconds of
 * loading, a minute in all); `large` is the target scale (about a million nodes and three
 * million relationships); `medium` is for trying changes locally.
 */
export interface Scale {
  name: string;
  /** Datasets per layer: raw, staging, intermediate, marts, training sets. */
  layers: number[];
  versionsPerDataset: number;
  /** Fields per dataset version (each dataset draws its count in this range). */
  fieldsPerVersion: [number, number];
  features: number;
  models: number;
  versionsPerModel: number;
  ensembles: number;
  /** Embedded Neo4j memory. */
  heapMb: number;
  pageCacheMb: number;
  /** Timed repetitions per latency case (after warm-up). */
  reps: number;
  warmup: number;
  /** Before the traversal timings, every case runs this long (equal time per operation), untimed, to warm the JITs. */
  warmSeconds?: number;
  /** OpenLineage runs (2 events each: START, COMPLETE) per ingestion case. */
  olRuns: number;
  metricPoints: number;
  /** Outcomes posted per POST /api/v1/outcomes case (default 100,000). */
  outcomes?: number;
  /** Nodes loaded per UNWIND transaction. */
  batch: number;
  /** Before each part, wait up to this long for the 1-minute load average to fall below 1 (0: CI, measure at once). */
  settleSeconds?: number;
}

export const SCALES: Record<string, Scale> = {
  small: {
    name: 'small', layers: [8, 12, 10, 6, 4], versionsPerDataset: 6, fieldsPerVersion: [6, 14],
    features: 60, models: 10, versionsPerModel: 8, ensembles: 4,
    heapMb: 512, pageCacheMb: 256, reps: 15, warmup: 3, warmSeconds: 3, olRuns: 40, metricPoints: 10_000, outcomes: 100_000, batch: 5_000, settleSeconds: 0,
  },
  medium: {
    name: 'medium', layers: [100, 150, 120, 80, 50], versionsPerDataset: 12, fieldsPerVersion: [12, 28],
    features: 800, models: 80, versionsPerModel: 20, ensembles: 16,
    heapMb: 2048, pageCacheMb: 2048, reps: 100, warmup: 10, warmSeconds: 30, olRuns: 300, metricPoints: 100_000, outcomes: 500_000, batch: 10_000, settleSeconds: 60,
  },
  large: {
    name: 'large', layers: [400, 600, 500, 300, 200], versionsPerDataset: 24, fieldsPerVersion: [12, 28],
    features: 3_000, models: 300, versionsPerModel: 30, ensembles: 60,
    heapMb: 4096, pageCacheMb: 4096, reps: 200, warmup: 20, warmSeconds: 90, olRuns: 1_000, metricPoints: 300_000, outcomes: 1_000_000, batch: 10_000, settleSeconds: 90,
  },
};

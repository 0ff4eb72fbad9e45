import { ModelPlan } from '../generate/models';
import { BenchError, gql, postJson } from '../http';

export interface OutcomesCase {
  batchSize: number;
  concurrency: number;
  members: number;
  outcomes: number;
  seconds: number;
  outcomesPerSecond: number;
}

const UPSERT = `mutation($input: UpsertEnsembleInput!) { upsertEnsemble(input: $input) { name } }`;
const BATCH = 5_000;
const MEMBERS = 3;

/**
 * POST /api/v1/outcomes as a serving system sends it: JSON arrays of 5,000 classification
 * outcomes, three members each with class probabilities, to a HEDGE ensemble (ZERO_ONE); each
 * client has an ensemble of its own (batches of one ensemble queue on its lock). Outcome times
 * are spread over the hour before the run, so weight changes are recorded (one a minute) and
 * rolling loss/accuracy points written as in a live feed. Bodies are built before the clock starts.
 */
export async function measureOutcomes(url: string, models: ModelPlan[], total: number): Promise<OutcomesCase[]> {
  const versions = models.flatMap((m) => m.versions.slice(-1).map((v) => v.id)).slice(0, MEMBERS * 2);
  if (versions.length < MEMBERS * 2) throw new BenchError('outcomes: the graph has too few models for two ensembles of three');
  const out: OutcomesCase[] = [];
  for (const concurrency of [1, 2]) {
    const start = Date.now() - 3_600_000;
    const ensembles = await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
      const name = `bench-outcomes-c${concurrency}-${w}`;
      const members = versions.slice(w * MEMBERS, (w + 1) * MEMBERS);
      await gql(url, UPSERT, { input: {
        name, at: new Date(start - 60_000).toISOString(), strategy: { strategy: 'HEDGE', loss: 'ZERO_ONE' },
        members: members.map((id, i) => ({ modelVersion: { id }, weight: i === 0 ? 1 - (MEMBERS - 1) * 0.3 : 0.3 })),
      } });
      return { name, members };
    }));
    const batches = Math.max(2, Math.ceil(total / BATCH));
    const perEnsemble = Math.ceil(batches / concurrency);
    const bodies = ensembles.map((e) => Array.from({ length: perEnsemble }, (_, b) => JSON.stringify(batch(e.members, start, b, perEnsemble))));
    // Building the bodies keeps this process busy for seconds: keep-alive sockets the service closed
    // meanwhile (its idle timeout is 5 s) are only noticed once the event loop turns; reused before
    // that, a POST fails with EPIPE. One turn of timers lets the agent drop them first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    let outcomes = 0;
    // Each client sends its own ensemble's bodies (a shared queue let a faster client run past the end of its list: an empty body).
    const started = performance.now();
    await Promise.all(ensembles.map(async (ensemble, worker) => {
      for (const body of bodies[worker]) {
        const answer = (await postJson(`${url}/api/v1/outcomes?ensemble=${ensemble.name}`, body, 200)) as { outcomes: number };
        outcomes += answer.outcomes;
      }
    }));
    const ms = performance.now() - started;
    out.push({ batchSize: BATCH, concurrency, members: MEMBERS, outcomes, seconds: Math.round(ms / 10) / 100, outcomesPerSecond: Math.round(outcomes / (ms / 1000)) });
  }
  return out;
}

/** Batch b of n: its outcomes evenly spread over its share of the hour; the first member is right 80% of the time, the others 60%. */
function batch(members: string[], start: number, b: number, n: number) {
  const step = 3_600_000 / (n * BATCH);
  let seed = b + 1;
  const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  return Array.from({ length: BATCH }, (_, k) => {
    const label = random() < 0.5 ? 'yes' : 'no';
    const other = label === 'yes' ? 'no' : 'yes';
    const predictions: Record<string, Record<string, number>> = {};
    members.forEach((id, i) => {
      const right = random() < (i === 0 ? 0.8 : 0.6);
      const p = 0.55 + 0.4 * random();
      predictions[id] = right ? { [label]: p, [other]: 1 - p } : { [label]: 1 - p, [other]: p };
    });
    return { timestamp: new Date(start + (b * BATCH + k) * step).toISOString(), predictions, label };
  });
}

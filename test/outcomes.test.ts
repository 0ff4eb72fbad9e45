import { gzipSync } from 'node:zlib';
import { OutcomeKeyRetention } from '../src/ensemble/outcomes/outcome-key-retention';
import { OutcomesRepository } from '../src/ensemble/outcomes/outcomes.repository';
import { OutcomesService } from '../src/ensemble/outcomes/outcomes.service';
import { EnsembleWeightsChangedPayload, Topics } from '../src/events/topics';
import { useGraph } from './support/graph';

const MINUTE = 60_000;
const HALF = 600;
/** One outcome every 30 s from two days ago (on a whole minute). */
const T0 = Math.floor((Date.now() - 2 * 24 * 3600_000) / MINUTE) * MINUTE;
const at = (t: number) => new Date(T0 + t * 30_000).toISOString();

/** A seeded generator, so the stream (and the test) is the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

/** Member A's top class is right 90% of the time in the first half and 60% in the second; B the other way round. */
function stream(): { timestamp: string; predictions: Record<string, Record<string, number>>; label: string }[] {
  const random = lcg(42);
  return Array.from({ length: 2 * HALF }, (_, t) => {
    const label = random() < 0.5 ? 'yes' : 'no';
    const other = label === 'yes' ? 'no' : 'yes';
    const guess = (accuracy: number) => (random() < accuracy ? { [label]: 0.8, [other]: 0.2 } : { [label]: 0.3, [other]: 0.7 });
    const [a, b] = t < HALF ? [0.9, 0.6] : [0.6, 0.9];
    return { timestamp: at(t), predictions: { 'churn@a': guess(a), 'churn@b': guess(b) }, label };
  });
}

describe('ensembles that learn their weights from outcomes', () => {
  // Rolling over a whole half: the rolling accuracy at a half's last outcome is that half's accuracy.
  const graph = useGraph({ MODELGRAPH_ENSEMBLE_WEIGHT_INTERVAL_MS: String(10 * MINUTE), MODELGRAPH_OUTCOME_ROLLING: String(HALF) });

  async function hedgeEnsemble() {
    await graph.db.runAutoCommit(`CREATE (m:Model {id: randomUUID(), name: 'churn', createdAt: datetime() - duration('P10D')})
      WITH m UNWIND ['a', 'b'] AS v
      CREATE (:ModelVersion {id: randomUUID(), modelId: m.id, version: v, contentHash: v, tags: [], createdAt: datetime() - duration('P10D')})-[:VERSION_OF]->(m)`);
    await graph.ok(`mutation($at: DateTimeISO) { upsertEnsemble(input: {
      name: "churn-mix", at: $at, strategy: { strategy: HEDGE, loss: ZERO_ONE, eta: 0.5 },
      members: [{ modelVersion: { model: "churn", version: "a" }, weight: 0.5 }, { modelVersion: { model: "churn", version: "b" }, weight: 0.5 }]
    }) { strategy loss strategyParameters { eta weightFloor } } }`, { at: new Date(T0 - MINUTE).toISOString() });
  }

  const post = (body: string | Buffer, headers: Record<string, string> = {}, ensemble = 'churn-mix') =>
    fetch(`${graph.url}/api/v1/outcomes?ensemble=${ensemble}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const weightsAt = async (t: number) => {
    const { ensemble } = await graph.ok(`query($asOf: DateTimeISO) { ensemble(name: "churn-mix") { members(asOf: $asOf) { weight modelVersion { version } } } }`,
      { asOf: new Date(T0 + t * 30_000).toISOString() });
    return Object.fromEntries(ensemble.members.map((m: { weight: number; modelVersion: { version: string } }) => [m.modelVersion.version, m.weight]));
  };

  const lastValue = async (target: Record<string, string>, name: string, t: number) => {
    const from = new Date(T0 + t * 30_000);
    const { metricSeries } = await graph.ok(`query($target: MetricTargetInput!, $name: String!, $from: DateTimeISO!, $to: DateTimeISO!) {
      metricSeries(target: $target, name: $name, from: $from, to: $to, bucket: MINUTE, aggregate: LAST) { value } }`,
    { target, name, from: from.toISOString(), to: new Date(from.getTime() + 1).toISOString() });
    return metricSeries[0].value as number;
  };

  it('moves the weights to the member that became accurate, keeps the ensemble near the best member, and keeps the history', async () => {
    await hedgeEnsemble();
    const events: EnsembleWeightsChangedPayload[] = [];
    const stop = graph.app.container.events.listen(Topics.ENSEMBLE_WEIGHTS_CHANGED, (p) => events.push(p as EnsembleWeightsChangedPayload));
    const outcomes = stream();
    const batches = Array.from({ length: 6 }, (_, i) => outcomes.slice(i * 200, (i + 1) * 200));

    // The first batch through GraphQL (predictions as a list), the others through the endpoint.
    const { recordOutcomes } = await graph.ok(`mutation($outcomes: [OutcomeInput!]!) {
      recordOutcomes(ensemble: "churn-mix", outcomes: $outcomes, idempotencyKey: "batch-0") { outcomes duplicate totalOutcomes weightChanges }
    }`, { outcomes: batches[0].map((o) => ({ ...o, predictions: Object.entries(o.predictions).map(([member, probabilities]) => ({ member, probabilities })) })) });
    expect(recordOutcomes).toMatchObject({ outcomes: 200, duplicate: false, totalOutcomes: 200 });
    let changes = recordOutcomes.weightChanges;
    for (let i = 1; i < 6; i++) {
      // A restart in the middle: the next batch resumes from the state saved in the graph.
      if (i === 3) (graph.app.container.get(OutcomesService) as unknown as { cache: Map<string, unknown> }).cache.clear();
      const res = await post(JSON.stringify(batches[i]), { 'idempotency-key': `batch-${i}` });
      const body = (await res.json()) as { weightChanges: number };
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ outcomes: 200, duplicate: false, totalOutcomes: 200 * (i + 1) });
      changes += body.weightChanges;
    }
    stop();

    // A's weight dominates by the end of the first half; within 60 outcomes (30 minutes) of the switch B's does.
    expect((await weightsAt(HALF - 1)).a).toBeGreaterThan(0.9);
    expect((await weightsAt(HALF + 60)).b).toBeGreaterThan(0.5);
    expect((await weightsAt(2 * HALF - 1)).b).toBeGreaterThan(0.7);

    // The ensemble's accuracy over each half (rolling over a half, read at the half's last outcome) is within 3 points of the best member's.
    const { ensemble } = await graph.ok(`{ ensemble(name: "churn-mix") {
      memberHistory { weight from to modelVersion { id version } } } }`);
    const ids = Object.fromEntries(ensemble.memberHistory.map((m: { modelVersion: { id: string; version: string } }) => [m.modelVersion.version, m.modelVersion.id]));
    for (const last of [HALF - 1, 2 * HALF - 1]) {
      const mix = await lastValue({ ensemble: 'churn-mix' }, 'outcome.accuracy', last);
      const a = await lastValue({ modelVersion: ids.a }, 'outcome.accuracy', last);
      const b = await lastValue({ modelVersion: ids.b }, 'outcome.accuracy', last);
      expect(Math.max(a, b)).toBeGreaterThan(0.85);
      expect(mix).toBeGreaterThan(Math.max(a, b) - 0.03);
      expect(await lastValue({ ensemble: 'churn-mix' }, 'outcome.loss', last)).toBeCloseTo(1 - mix, 9);
    }

    // Weight changes are membership history, at most one per 10 minutes of outcome time, each announced once.
    const froms = [...new Set(ensemble.memberHistory.map((m: { from: string }) => m.from))].map((f) => Date.parse(f as string)).sort((x, y) => x - y);
    expect(froms.length).toBe(changes + 1);
    froms.slice(2).forEach((f, i) => expect(f - froms[i + 1]).toBeGreaterThanOrEqual(10 * MINUTE));
    expect(changes).toBeGreaterThan(3);
    expect(events).toHaveLength(changes);
    expect(events[events.length - 1]).toMatchObject({ ensemble: 'churn-mix', weights: [{ model: 'churn' }, { model: 'churn' }] });
  });

  it('counts a retried batch once, and takes gzipped NDJSON', async () => {
    await hedgeEnsemble();
    const [first, second] = [stream().slice(0, 50), stream().slice(50, 100)];
    const ndjson = gzipSync(first.map((o) => JSON.stringify(o)).join('\n') + '\n');
    const sent = await post(ndjson, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', 'idempotency-key': 'k1' });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ outcomes: 50, duplicate: false, totalOutcomes: 50 });
    const nodes = await graph.countNodes();
    const retried = await post(ndjson, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', 'idempotency-key': 'k1' });
    expect(await retried.json()).toMatchObject({ outcomes: 0, duplicate: true, totalOutcomes: 50 });
    expect(await graph.countNodes()).toBe(nodes);
    const next = await post(JSON.stringify(second), { 'idempotency-key': 'k2' });
    expect(await next.json()).toMatchObject({ outcomes: 50, totalOutcomes: 100 });
  });

  it('keeps idempotency keys for their retention only, a bounded number per sweep; a retry after that counts again', async () => {
    await hedgeEnsemble();
    for (let i = 0; i < 5; i++) {
      const res = await post(JSON.stringify(stream().slice(i * 10, i * 10 + 10)), { 'idempotency-key': `old-${i}` });
      expect(res.status).toBe(200);
    }
    // Their batches were recorded 8 days ago (beyond the default 168 hours); one fresh key besides.
    await graph.db.runAutoCommit(`MATCH (b:OutcomeBatch) SET b.recordedAt = datetime() - duration('P8D')`);
    await post(JSON.stringify(stream().slice(50, 60)), { 'idempotency-key': 'fresh' });
    const keys = async () => (await graph.db.runAutoCommit('MATCH (b:OutcomeBatch) RETURN b.key AS key ORDER BY key')).map((r) => r.key as string);

    const configured = graph.app.container.get(OutcomeKeyRetention);
    expect(configured.retentionHours).toBe(168);
    // Two keys per statement, two statements per sweep: a sweep deletes at most four.
    const sweep = new OutcomeKeyRetention(new OutcomesRepository(), graph.db, configured.retentionHours, { batch: 2, batchesPerSweep: 2 });
    expect(await sweep.prune()).toBe(4);
    expect(await keys()).toHaveLength(2);
    expect(await sweep.prune()).toBe(1);
    expect(await keys()).toEqual(['fresh']);
    expect(await sweep.prune()).toBe(0);

    const retried = await post(JSON.stringify(stream().slice(0, 10)), { 'idempotency-key': 'old-0' });
    expect(await retried.json()).toMatchObject({ outcomes: 10, duplicate: false, totalOutcomes: 70 });
    const again = await post(JSON.stringify(stream().slice(50, 60)), { 'idempotency-key': 'fresh' });
    expect(await again.json()).toMatchObject({ outcomes: 0, duplicate: true, totalOutcomes: 70 });
    // Kept forever when the retention is 0.
    expect(await new OutcomeKeyRetention(new OutcomesRepository(), graph.db, 0).prune(new Date(Date.now() + 365 * 86_400_000))).toBe(0);
  });

  it('refuses a batch with a bad outcome (400 / BAD_USER_INPUT) and writes nothing', async () => {
    await hedgeEnsemble();
    const nodes = await graph.countNodes();
    const edges = async () => (await graph.db.runAutoCommit('MATCH ()-[r:MEMBER]->() RETURN count(r) AS n'))[0].n;
    const before = await edges();
    const bad = stream().slice(0, 100);
    bad[57] = { ...bad[57], predictions: { 'churn@a': { yes: 0.5, no: 0.5 } } };
    const res = await post(JSON.stringify(bad), { 'idempotency-key': 'bad' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'outcomes[57].predictions lacks a prediction of member churn@b.', code: 'BAD_USER_INPUT', field: 'outcomes[57].predictions',
    });
    const viaGraphql = await graph.gql(`mutation { recordOutcomes(ensemble: "churn-mix", outcomes: [
      { timestamp: "${at(0)}", predictions: [{ member: "churn@a", value: 0.7 }, { member: "churn@b", value: 1.7 }], label: 1 }
    ]) { outcomes } }`);
    expect(viaGraphql.errors?.[0]).toMatchObject({ message: 'outcomes[0].predictions["churn@b"] must be a probability in [0, 1] (of class "1"), or class probabilities.',
      extensions: { code: 'BAD_USER_INPUT' } });
    const notJson = await post('[{"timestamp": ', {});
    expect(notJson.status).toBe(400);
    expect(await graph.countNodes()).toBe(nodes);
    expect(await edges()).toBe(before);
    // The key of the refused batch was not kept: the batch, corrected, counts.
    const fixed = await post(JSON.stringify(stream().slice(0, 100)), { 'idempotency-key': 'bad' });
    expect(await fixed.json()).toMatchObject({ outcomes: 100, duplicate: false });
  });

  it('announces a hand-made weight change too, and restarts learning from it', async () => {
    await hedgeEnsemble();
    await post(JSON.stringify(stream().slice(0, 100)));
    const events: EnsembleWeightsChangedPayload[] = [];
    const stop = graph.app.container.events.listen(Topics.ENSEMBLE_WEIGHTS_CHANGED, (p) => events.push(p as EnsembleWeightsChangedPayload));
    await graph.ok(`mutation { setEnsembleMembers(ensemble: "churn-mix", reason: "by hand", members: [
      { modelVersion: { model: "churn", version: "a" }, weight: 0.2 }, { modelVersion: { model: "churn", version: "b" }, weight: 0.8 }]) { name } }`);
    stop();
    expect(events).toEqual([expect.objectContaining({ ensemble: 'churn-mix', reason: 'by hand',
      weights: expect.arrayContaining([expect.objectContaining({ version: 'a', weight: 0.2 }), expect.objectContaining({ version: 'b', weight: 0.8 })]) })]);
    const later = stream().slice(0, 10).map((o, i) => ({ ...o, timestamp: new Date(Date.now() - 60_000 + i).toISOString() }));
    const res = (await (await post(JSON.stringify(later))).json()) as { totalOutcomes: number };
    expect(res.totalOutcomes).toBe(10); // learning started afresh from the hand-set weights
  });

  it('needs a loss before it can score outcomes', async () => {
    await hedgeEnsemble();
    const { setEnsembleStrategy } = await graph.ok(`mutation { setEnsembleStrategy(ensemble: "churn-mix", strategy: { strategy: STATIC }) { strategy loss } }`);
    expect(setEnsembleStrategy).toEqual({ strategy: 'STATIC', loss: null });
    const res = await post(JSON.stringify(stream().slice(0, 1)));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('has no loss to score outcomes with');
    const refused = await graph.gql(`mutation { setEnsembleStrategy(ensemble: "churn-mix", strategy: { strategy: HEDGE }) { strategy } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'strategy.loss' });
  });
});

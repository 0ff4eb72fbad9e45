import { OpenLineageIngestService } from '../src/openlineage/ingest.service';
import { useGraph } from './support/graph';

/**
 * Two transactions folding events of the same run, job or dataset at once (two batch requests, or
 * a batch beside a group of one-event requests): each folds the events into what it loaded, so
 * without care the one that commits last overwrites what the other stored (a lost update). Each
 * pair of requests here is sent in the same tick, so both load before either commits; whatever
 * the order they commit in, the graph must hold what both brought.
 */
const PAIRS = 12;
/** In rounds: the first also opens the driver's connections, the later ones overlap fully. */
const ROUNDS = 3;
const F = { _producer: 'https://example.com/test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/X.json' };
const id = (prefix: string, n: number) => `0190c5a5-0000-7000-${prefix}-${String(n).padStart(12, '0')}`;

function event(runId: string, eventType: 'START' | 'COMPLETE', minute: number, n: number, facets: { run?: object; job?: object; output?: object }) {
  return {
    eventType, eventTime: `2026-03-01T00:${String(minute).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}Z`, producer: 'https://example.com/test',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId, facets: facets.run ?? {} }, job: { namespace: 'race', name: `job-${n}`, facets: facets.job ?? {} },
    inputs: [], outputs: [{ namespace: 'race', name: `out-${n}`, facets: facets.output ?? {} }],
  };
}

describe('concurrent transactions folding the same runs, jobs and datasets', () => {
  const graph = useGraph({ MODELGRAPH_REQUEST_TIMEOUT_MS: '300000' });
  const service = () => graph.app.container.get(OpenLineageIngestService);
  const race = async (pair: (n: number) => [unknown, unknown]) => {
    for (let round = 0; round < ROUNDS; round++) {
      const ns = Array.from({ length: PAIRS }, (_, i) => round * PAIRS + i + 1);
      const results = await Promise.all(ns.flatMap((n) => pair(n).map((e) => service().ingestBatch([e]))));
      expect(results.map((r) => r.status)).toEqual(results.map(() => 'success'));
    }
    return Array.from({ length: PAIRS * ROUNDS }, (_, i) => i + 1);
  };

  it('keeps both halves of a new run whose START and COMPLETE commit in either order', async () => {
    const ns = await race((n) => [
      event(id('8001', n), 'START', 0, n, { run: { nominalTime: { ...F, nominalStartTime: '2026-03-01T00:00:00Z' } } }),
      event(id('8001', n), 'COMPLETE', 5, n, {}),
    ]);
    const runs = await graph.db.runAutoCommit(
      `MATCH (r:Run) WHERE r.runId STARTS WITH '0190c5a5' AND r.runId CONTAINS '-8001-'
       RETURN r.runId AS run, r.state AS state, r.startedAt IS NOT NULL AS started, r.endedAt IS NOT NULL AS ended,
              r.nominalStartTime IS NOT NULL AS nominal, r.jobId IS NOT NULL AND r.id = r.runId AS keyed ORDER BY run`);
    expect(runs).toEqual(ns.map((n) => ({ run: id('8001', n), state: 'COMPLETE', started: true, ended: true, nominal: true, keyed: true })));
  });

  it('keeps the facets two new runs gave the same new job and output dataset', async () => {
    const ns = await race((n) => [
      event(id('8002', n), 'START', 10, n, { job: { jobType: { ...F, processingType: 'BATCH', integration: 'TEST', jobType: 'QUERY' } }, output: { documentation: { ...F, description: `output ${n}` } } }),
      event(id('8003', n), 'START', 11, n, { job: { ownership: { ...F, owners: [{ name: 'team-b' }] } }, output: { schema: { ...F, fields: [{ name: 'id', type: 'INT' }] } } }),
    ]);
    const nodes = await graph.db.runAutoCommit(
      `MATCH (n) WHERE (n:Job OR n:Dataset) AND n.namespace = 'race' RETURN n.name AS name, n.id IS NOT NULL AS keyed, n.facets AS facets ORDER BY name`);
    const expected = ns.flatMap((n) => [{ name: `job-${n}`, keys: ['jobType', 'ownership'] }, { name: `out-${n}`, keys: ['documentation', 'schema'] }])
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(nodes.map((f) => ({ name: f.name, keys: Object.keys(JSON.parse(String(f.facets))).sort() }))).toEqual(expected);
    expect(nodes.every((f) => f.keyed)).toBe(true);
  });
});

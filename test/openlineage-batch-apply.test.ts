import { useGraph } from './support/graph';

/**
 * A batch where one event passes validation but the database refuses it while it is applied: the
 * good events are stored as if it had not been sent, it is rejected with the reason, and nothing
 * of it is written. The refusal here is Neo4j's own: a dataset version over the index key size
 * limit (the DatasetVersion (datasetId, version) key), which no schema rule of the spec bounds.
 */
const BATCH = '/api/v1/lineage/batch';
const RUN = (n: number) => `0190c5a4-0000-7000-8000-${String(n).padStart(12, '0')}`;

function complete(n: number, version: string) {
  return {
    eventType: 'COMPLETE', eventTime: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`, producer: 'https://example.com/test',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: RUN(n) }, job: { namespace: 'ns', name: `job-${n}` }, inputs: [],
    outputs: [{
      namespace: 'ns', name: `out-${n}`,
      facets: { version: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet', datasetVersion: version } },
    }],
  };
}

describe('an OpenLineage batch with an event the database refuses', () => {
  // A refused event costs a few transactions more (halves down to it): a loaded test machine must not turn that into a 504.
  const graph = useGraph({ MODELGRAPH_REQUEST_TIMEOUT_MS: '300000' });

  async function post(events: unknown[]) {
    const res = await fetch(`${graph.url}${BATCH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
    return { status: res.status, body: (await res.json()) as any };
  }

  const stored = async () => (await graph.db.runAutoCommit(
    'MATCH (j:Job) OPTIONAL MATCH (r:Run)-[]-(j) OPTIONAL MATCH (d:Dataset {name: replace(j.name, "job", "out")}) RETURN j.name AS job, count(DISTINCT r) AS runs, count(DISTINCT d) AS datasets ORDER BY job',
  )).map((r) => `${r.job}:${r.runs}:${r.datasets}`);

  it('stores the good events, rejects the bad one with the reason, and writes nothing of it', async () => {
    const events = [1, 2, 3, 4, 5, 6, 7].map((n) => complete(n, n === 4 ? 'v'.repeat(9000) : `v${n}`));
    const res = await post(events);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'partial_success', accepted: 6, rejected: 1 });
    expect(res.body.events.map((e: { status: string }) => e.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'accepted']);
    expect(res.body.events[3].errors.join()).toMatch(/database refused to store this event \(Neo\.(ClientError|DatabaseError)\.[\w.]+\)/);
    expect(JSON.stringify(res.body)).not.toMatch(/vvvvvvvv|at .*\.ts:\d+/); // neither the value nor a stack
    expect(await stored()).toEqual(['job-1:1:1', 'job-2:1:1', 'job-3:1:1', 'job-5:1:1', 'job-6:1:1', 'job-7:1:1']);
    const bad = await graph.db.runAutoCommit('MATCH (n) WHERE n.name IN ["job-4", "out-4"] OR n.runId = $run RETURN count(n) AS n', { run: RUN(4) });
    expect(bad[0].n).toBe(0);
  }, 300_000);

  it('still applies a clean batch, and the events after a refused one in their order', async () => {
    expect((await post([complete(1, 'v1'), complete(2, 'v2')])).body).toMatchObject({ status: 'success', accepted: 2, rejected: 0 });
    const res = await post([complete(3, 'x'.repeat(9000)), complete(3, 'v3')]); // the same run, told again with a storable version
    expect(res.body.events.map((e: { status: string }) => e.status)).toEqual(['rejected', 'accepted']);
    expect(await stored()).toEqual(['job-1:1:1', 'job-2:1:1', 'job-3:1:1']);
  }, 300_000);

  it('answers a single event the database refuses with a 400 naming the refusal, and writes nothing of it', async () => {
    const res = await fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complete(9, 'w'.repeat(9000))) });
    const body = (await res.json()) as any;
    expect(res.status).toBe(400);
    expect(body.error.code ?? body.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).toMatch(/database refused to store this event/);
    expect(JSON.stringify(body)).not.toMatch(/wwwwwwww|at .*\.ts:\d+/);
    const bad = await graph.db.runAutoCommit('MATCH (n) WHERE n.name IN ["job-9", "out-9"] OR n.runId = $run RETURN count(n) AS n', { run: RUN(9) });
    expect(bad[0].n).toBe(0);
  }, 300_000);
});

import { useGraph } from './support/graph';

const REGISTER = `mutation($input: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $input) { id } }`;
const RECORD = `mutation($input: RecordRunInput!) {
  recordRun(input: $input) { runId state startedAt endedAt codeVersion parameters job { namespace name } }
}`;
const RUN = `query($runId: String!) { run(runId: $runId) {
  state endedAt job { name } inputs { version } outputs { version } parent { runId } children { runId }
} }`;

const RUN_ID = '6f1c9a52-3b8e-4d7a-9c41-1e2f3a4b5c6d';
const PARENT_ID = '0a7d3c8e-5f21-4b69-8e0d-9c3b2a1f4e5d';
const job = { namespace: 'pipelines', name: 'train_churn' };
const ref = (name: string, version = 'v1') => ({ namespace: 'warehouse', name, version });

describe('jobs and runs', () => {
  const graph = useGraph();

  async function datasets(...names: string[]) {
    for (const name of names) await graph.ok(REGISTER, { input: { ...ref(name), fields: [] } });
  }

  it('upserts jobs and finds them by id, by name and in pages', async () => {
    const { upsertJob } = await graph.ok('mutation { upsertJob(input: {namespace: "p", name: "a", description: "first"}) { id description } }');
    await graph.ok('mutation { upsertJob(input: {namespace: "p", name: "b"}) { id } }');
    const again = await graph.ok('mutation { upsertJob(input: {namespace: "p", name: "a"}) { id description } }');
    expect(again.upsertJob).toEqual(upsertJob);
    const { job: byId, jobByName } = await graph.ok(`query($id: ID!) { job(id: $id) { name } jobByName(namespace: "p", name: "a") { id } }`, { id: upsertJob.id });
    expect([byId.name, jobByName.id]).toEqual(['a', upsertJob.id]);
    const page = await graph.ok('{ jobs(filter: {namespace: "p"}, page: {first: 1}) { nodes { name } pageInfo { hasNextPage endCursor } } }');
    expect(page.jobs.nodes).toEqual([{ name: 'a' }]);
    const next = await graph.ok('query($a: String) { jobs(page: {first: 1, after: $a}) { nodes { name } pageInfo { hasNextPage } } }', { a: page.jobs.pageInfo.endCursor });
    expect(next.jobs).toEqual({ nodes: [{ name: 'b' }], pageInfo: { hasNextPage: false } });
  });

  it('records a run with its job, inputs, outputs and parent, and links them both ways', async () => {
    await datasets('raw', 'features');
    await graph.ok(RECORD, { input: { job: { namespace: 'pipelines', name: 'nightly' }, runId: PARENT_ID, state: 'RUNNING' } });
    const { recordRun } = await graph.ok(RECORD, { input: {
      job, runId: RUN_ID, state: 'COMPLETE', startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T01:00:00.000Z',
      codeVersion: 'git:abc123', parameters: { lr: 0.1, layers: [64, 32] },
      inputs: [ref('raw')], outputs: [ref('features')], parentRunId: PARENT_ID,
    } });
    expect(recordRun).toMatchObject({ runId: RUN_ID, state: 'COMPLETE', codeVersion: 'git:abc123', parameters: { lr: 0.1, layers: [64, 32] }, job });
    const { run } = await graph.ok(RUN, { runId: RUN_ID });
    expect(run).toMatchObject({ job: { name: 'train_churn' }, inputs: [{ version: 'v1' }], outputs: [{ version: 'v1' }], parent: { runId: PARENT_ID }, children: [] });
    const { run: parent } = await graph.ok(RUN, { runId: PARENT_ID });
    expect(parent.children).toEqual([{ runId: RUN_ID }]);
    const { raw, features } = await graph.ok(`{
      raw: datasetVersion(ref: {namespace: "warehouse", name: "raw", version: "v1"}) { consumedBy { runId } producedBy { runId } }
      features: datasetVersion(ref: {namespace: "warehouse", name: "features", version: "v1"}) { consumedBy { runId } producedBy { runId } } }`);
    expect(raw).toEqual({ consumedBy: [{ runId: RUN_ID }], producedBy: [] });
    expect(features).toEqual({ consumedBy: [], producedBy: [{ runId: RUN_ID }] });
  });

  it('is idempotent, lets later calls advance the state and add edges, and never regresses a finished run', async () => {
    await datasets('raw', 'features', 'report');
    const start = { job, runId: RUN_ID, state: 'START', startedAt: '2026-01-01T00:00:00.000Z', inputs: [ref('raw')] };
    await graph.ok(RECORD, { input: start });
    const nodes = await graph.countNodes();
    const edges = async () => (await graph.db.runAutoCommit('MATCH ()-[r]->() RETURN count(r) AS n'))[0].n;
    const edgesBefore = await edges();
    await graph.ok(RECORD, { input: start });
    expect([await graph.countNodes(), await edges()]).toEqual([nodes, edgesBefore]);
    await graph.ok(RECORD, { input: { job, runId: RUN_ID, state: 'COMPLETE', endedAt: '2026-01-01T02:00:00.000Z', outputs: [ref('features'), ref('report')] } });
    await graph.ok(RECORD, { input: start }); // a late START event
    const { run } = await graph.ok(RUN, { runId: RUN_ID });
    expect(run).toMatchObject({ state: 'COMPLETE', endedAt: '2026-01-01T02:00:00.000Z', inputs: [{ version: 'v1' }] });
    expect(run.outputs).toHaveLength(2);
    const failed = await graph.gql(RECORD, { input: { job, runId: RUN_ID, state: 'FAIL' } });
    expect(failed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.state' });
  });

  it('generates a runId when none is given and lists runs of a job newest first', async () => {
    const a = await graph.ok(RECORD, { input: { job, state: 'COMPLETE', startedAt: '2026-01-01T00:00:00Z' } });
    const b = await graph.ok(RECORD, { input: { job, state: 'RUNNING', startedAt: '2026-02-01T00:00:00Z' } });
    expect(a.recordRun.runId).toMatch(/^[0-9a-f-]{36}$/);
    const { jobByName } = await graph.ok('{ jobByName(namespace: "pipelines", name: "train_churn") { runs { runId } } }');
    expect(jobByName.runs.map((r: { runId: string }) => r.runId)).toEqual([b.recordRun.runId, a.recordRun.runId]);
  });

  it('links runs to the model versions they produced', async () => {
    await graph.ok(RECORD, { input: { job, runId: RUN_ID, state: 'COMPLETE' } });
    await graph.db.runAutoCommit(`MATCH (r:Run {runId: $runId})
      CREATE (mv:ModelVersion {id: randomUUID(), modelId: 'm1', version: '1', tags: [], createdAt: datetime()})-[:PRODUCED_BY]->(r)`, { runId: RUN_ID });
    const { run } = await graph.ok(`query($runId: String!) { run(runId: $runId) { producedModels { version producedBy { runId } } } }`, { runId: RUN_ID });
    expect(run.producedModels).toEqual([{ version: '1', producedBy: { runId: RUN_ID } }]);
  });

  it('loads every relationship of many runs with a constant number of statements', async () => {
    await datasets('raw', 'features');
    const q = '{ jobByName(namespace: "pipelines", name: "train_churn") { runs { job { name } inputs { id } outputs { id } parent { id } children { id } producedModels { id } } } }';
    await graph.ok(RECORD, { input: { job, state: 'COMPLETE', inputs: [ref('raw')], outputs: [ref('features')] } });
    const one = await graph.gql(q);
    for (let i = 0; i < 5; i++) await graph.ok(RECORD, { input: { job, state: 'COMPLETE', inputs: [ref('raw')], outputs: [ref('features')] } });
    const six = await graph.gql(q);
    expect(six.data.jobByName.runs).toHaveLength(6);
    expect(six.statements).toBe(one.statements);
  });

  it('rejects invalid input and missing references, writing nothing', async () => {
    await datasets('raw');
    await graph.ok(RECORD, { input: { job: { namespace: 'other', name: 'job' }, runId: PARENT_ID, state: 'COMPLETE' } });
    const nodes = await graph.countNodes();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ runId: 'not-a-uuid' }, 'BAD_USER_INPUT', 'input.runId'],
      [{ job: { namespace: 'p', name: '' } }, 'BAD_USER_INPUT', 'input.job.name'],
      [{ startedAt: '2026-01-02T00:00:00Z', endedAt: '2026-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'input.endedAt'],
      [{ inputs: [{ namespace: 'warehouse', name: 'raw' }] }, 'BAD_USER_INPUT', 'input.inputs[0]'],
      [{ inputs: [ref('raw'), ref('raw', 'v9')] }, 'NOT_FOUND', 'input.inputs[1]'],
      [{ outputs: [ref('missing')] }, 'NOT_FOUND', 'input.outputs[0]'],
      [{ parentRunId: RUN_ID.replace('6f', '7f') }, 'NOT_FOUND', 'input.parentRunId'],
      [{ runId: PARENT_ID }, 'CONFLICT', 'input.job'],
      [{ runId: PARENT_ID, job: { namespace: 'other', name: 'job' }, parentRunId: PARENT_ID }, 'BAD_USER_INPUT', 'input.parentRunId'],
      [{ parameters: { big: 'x'.repeat(300_000) } }, 'BAD_USER_INPUT', 'input.parameters'],
    ];
    for (const [change, code, field] of cases) {
      const result = await graph.gql(RECORD, { input: { job, state: 'START', ...change } });
      expect({ field, ext: result.errors?.[0].extensions }).toMatchObject({ field, ext: { code, field } });
    }
    expect(await graph.countNodes()).toBe(nodes);
    const missing = await graph.gql(RUN, { runId: RUN_ID });
    expect(missing.errors?.[0]).toMatchObject({ message: `Run '${RUN_ID}' not found.`, extensions: { code: 'NOT_FOUND' } });
  });
});

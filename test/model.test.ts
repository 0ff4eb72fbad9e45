import { useGraph } from './support/graph';

const REGISTER = `mutation($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) { id version tags metrics createdAt model { name } }
}`;
const SET_ALIAS = `mutation($model: String!, $alias: String!, $version: String!, $reason: String) {
  setModelAlias(model: $model, alias: $alias, version: $version, reason: $reason) { name from to reason modelVersion { version } }
}`;
const SUPERSEDE = `mutation($old: ModelVersionRef!, $by: ModelVersionRef!, $reason: String!) {
  supersedeModelVersion(old: $old, by: $by, reason: $reason) { version supersededAt supersededReason supersededBy { reason modelVersion { version } } }
}`;

const orders = (version: string) => ({ namespace: 'warehouse', name: 'orders', version, fields: [{ name: 'amount' }] });
const v1 = {
  model: 'fraud', version: 'v1', tags: ['xgboost', 'baseline'], metrics: { auc: 0.91, f1: 0.7 },
  trainedOn: [
    { datasetVersion: { namespace: 'warehouse', name: 'orders', version: 'd1' }, role: 'TRAIN' },
    { datasetVersion: { namespace: 'warehouse', name: 'orders', version: 'd2' }, role: 'TEST' },
  ],
  features: [{ feature: { namespace: 'fraud', name: 'amount_avg' }, importance: 0.75 }],
};

describe('models, versions, aliases and supersession', () => {
  const graph = useGraph();
  const relationships = async () => (await graph.db.runAutoCommit('MATCH ()-[r]->() RETURN count(r) AS n'))[0].n as number;
  const snapshot = async () => [await graph.countNodes(), await relationships()];

  beforeEach(async () => {
    for (const v of ['d1', 'd2']) {
      await graph.ok('mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', { i: orders(v) });
    }
    await graph.ok('mutation { upsertFeature(input: { namespace: "fraud", name: "amount_avg" }) { id } }');
    await graph.db.runAutoCommit("CREATE (:Run {id: 'run-1', runId: 'run-1', jobId: 'job', state: 'COMPLETE', createdAt: datetime()})");
  });
  const register = async (input: Record<string, unknown>) => (await graph.ok(REGISTER, { input })).registerModelVersion;

  it('registers a version with its lineage, creating the model, and answers from both ends', async () => {
    const mv = await register({ ...v1, producedByRunId: 'run-1' });
    expect(mv).toMatchObject({ version: 'v1', tags: ['xgboost', 'baseline'], metrics: { auc: 0.91, f1: 0.7 }, model: { name: 'fraud' } });
    const { modelVersion } = await graph.ok(`{ modelVersion(ref: { model: "fraud", version: "v1" }) {
      id trainingData { role datasetVersion { version } } features { importance feature { name } } aliases supersededBy { reason } supersedes { reason } } }`);
    expect(modelVersion).toEqual({
      id: mv.id, aliases: [], supersededBy: null, supersedes: [],
      trainingData: [{ role: 'TEST', datasetVersion: { version: 'd2' } }, { role: 'TRAIN', datasetVersion: { version: 'd1' } }],
      features: [{ importance: 0.75, feature: { name: 'amount_avg' } }],
    });
    const { datasetVersion, featureByName } = await graph.ok(`{
      datasetVersion(ref: { namespace: "warehouse", name: "orders", version: "d1" }) { trainedModels { role modelVersion { version } } }
      featureByName(namespace: "fraud", name: "amount_avg") { usedBy { importance modelVersion { version model { name } } } } }`);
    expect(datasetVersion.trainedModels).toEqual([{ role: 'TRAIN', modelVersion: { version: 'v1' } }]);
    expect(featureByName.usedBy).toEqual([{ importance: 0.75, modelVersion: { version: 'v1', model: { name: 'fraud' } } }]);
    const run = await graph.db.runAutoCommit("MATCH (:ModelVersion {id: $id})-[:PRODUCED_BY]->(r:Run) RETURN r.runId AS runId", { id: mv.id });
    expect(run).toEqual([{ runId: 'run-1' }]);
  });

  it('treats the same content again as a no-op (whatever the order) and other content as a CONFLICT', async () => {
    const first = await register(v1);
    const before = await snapshot();
    const reordered = { ...v1, tags: ['baseline', 'xgboost'], metrics: { f1: 0.7, auc: 0.91 }, trainedOn: [...v1.trainedOn].reverse() };
    expect((await register(reordered)).id).toBe(first.id);
    const changed = await graph.gql(REGISTER, { input: { ...v1, metrics: { auc: 0.92 } } });
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    expect(await snapshot()).toEqual(before);
  });

  it('names an unknown dataset version, feature or run in a NOT_FOUND error and writes nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...v1, trainedOn: [{ datasetVersion: { namespace: 'warehouse', name: 'orders', version: 'd9' }, role: 'TRAIN' }] }, "DatasetVersion 'warehouse/orders@d9' not found."],
      [{ ...v1, features: [{ feature: { namespace: 'fraud', name: 'nope' }, importance: 1 }] }, "Feature 'fraud/nope' not found."],
      [{ ...v1, producedByRunId: 'run-9' }, "Run 'run-9' not found."],
    ];
    for (const [input, message] of cases) {
      const result = await graph.gql(REGISTER, { input });
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
    }
    expect(await snapshot()).toEqual(before);
    const missing = await graph.gql('{ modelVersion(ref: { model: "fraud", version: "v1" }) { id } }');
    expect(missing.errors?.[0]).toMatchObject({ message: "ModelVersion 'fraud@v1' not found.", extensions: { code: 'NOT_FOUND' } });
  });

  it('rejects invalid registrations and models with a coded error naming the field, writing nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...v1, model: '' }, 'input.model'],
      [{ ...v1, version: 'v\u00001' }, 'input.version'],
      [{ ...v1, features: [{ feature: { namespace: 'fraud', name: 'amount_avg' }, importance: -0.1 }] }, 'input.features[0].importance'],
      [{ ...v1, features: [{ feature: { namespace: 'fraud' }, importance: 1 }] }, 'input.features[0].feature'],
      [{ ...v1, trainedOn: [{ datasetVersion: { name: 'orders', version: 'd1' }, role: 'TRAIN' }] }, 'input.trainedOn[0].datasetVersion'],
      [{ ...v1, trainedOn: [v1.trainedOn[0], v1.trainedOn[0]] }, 'input.trainedOn'],
      [{ ...v1, tags: ['a', 'a'] }, 'input.tags'],
      [{ ...v1, producedByRunId: '' }, 'input.producedByRunId'],
    ];
    for (const [input, field] of cases) {
      const result = await graph.gql(REGISTER, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badModel = await graph.gql('mutation { upsertModel(input: { name: " " }) { id } }');
    expect(badModel.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await snapshot()).toEqual(before);
  });

  it('upserts models and lists them by filter and page', async () => {
    const { upsertModel: m } = await graph.ok('mutation { upsertModel(input: { name: "churn", description: "who leaves" }) { id name description } }');
    expect(m).toMatchObject({ name: 'churn', description: 'who leaves' });
    const { upsertModel: same } = await graph.ok('mutation { upsertModel(input: { name: "churn" }) { id description } }');
    expect(same).toEqual({ id: m.id, description: 'who leaves' });
    await register(v1);
    const { model, modelByName, models } = await graph.ok(`query($id: ID!) { model(id: $id) { name }
      modelByName(name: "fraud") { versions { version } }
      models(page: { first: 1 }) { nodes { name } pageInfo { hasNextPage endCursor } } }`, { id: m.id });
    expect(model).toEqual({ name: 'churn' });
    expect(modelByName.versions).toEqual([{ version: 'v1' }]);
    expect(models.nodes).toEqual([{ name: 'churn' }]);
    const next = await graph.ok('query($a: String) { models(filter: { nameContains: "R" }, page: { after: $a }) { nodes { name } } }', { a: models.pageInfo.endCursor });
    expect(next.models.nodes).toEqual([{ name: 'fraud' }]);
  });

  it('moves an alias, closing the previous assignment, and keeps the history', async () => {
    await register({ ...v1, createdAt: '2026-01-01T00:00:00Z' });
    await register({ ...v1, version: 'v2', createdAt: '2026-02-01T00:00:00Z' });
    const first = (await graph.ok(SET_ALIAS, { model: 'fraud', alias: 'champion', version: 'v1', reason: 'launch' })).setModelAlias;
    const again = (await graph.ok(SET_ALIAS, { model: 'fraud', alias: 'champion', version: 'v1' })).setModelAlias;
    expect(again).toEqual(first); // already there: a no-op
    await graph.ok(SET_ALIAS, { model: 'fraud', alias: 'challenger', version: 'v2' });
    const moved = (await graph.ok(SET_ALIAS, { model: 'fraud', alias: 'champion', version: 'v2', reason: 'better auc' })).setModelAlias;
    expect(moved).toMatchObject({ name: 'champion', to: null, reason: 'better auc', modelVersion: { version: 'v2' } });
    const { modelByName: m } = await graph.ok(`{ modelByName(name: "fraud") {
      aliases { name modelVersion { version } }
      aliasHistory(name: "champion") { from to modelVersion { version aliases } }
      versions { version aliases } } }`);
    expect(m.aliases).toEqual([{ name: 'challenger', modelVersion: { version: 'v2' } }, { name: 'champion', modelVersion: { version: 'v2' } }]);
    expect(m.aliasHistory.map((a: { modelVersion: { version: string } }) => a.modelVersion.version)).toEqual(['v2', 'v1']);
    expect(m.aliasHistory[1].to).toBe(m.aliasHistory[0].from);
    expect(m.aliasHistory[0].to).toBeNull();
    expect(m.versions).toEqual([{ version: 'v2', aliases: ['challenger', 'champion'] }, { version: 'v1', aliases: [] }]);

    await graph.ok('mutation { removeModelAlias(model: "fraud", alias: "champion") { name } }');
    await graph.ok('mutation { removeModelAlias(model: "fraud", alias: "champion") { name } }'); // not set any more: a no-op
    const { modelByName: after } = await graph.ok('{ modelByName(name: "fraud") { aliases { name } aliasHistory { name to } } }');
    expect(after.aliases).toEqual([{ name: 'challenger' }]);
    expect(after.aliasHistory).toHaveLength(3);
    expect(after.aliasHistory.every((a: { name: string; to: string | null }) => a.name === 'challenger' || a.to !== null)).toBe(true);
  });

  it('keeps one open assignment per alias when moves race', async () => {
    for (let i = 1; i <= 4; i++) await register({ ...v1, version: `v${i}` });
    await Promise.all([1, 2, 3, 4].map((i) => graph.ok(SET_ALIAS, { model: 'fraud', alias: 'champion', version: `v${i}` })));
    const { modelByName: m } = await graph.ok('{ modelByName(name: "fraud") { aliases { name } aliasHistory { to } } }');
    expect(m.aliases).toEqual([{ name: 'champion' }]);
    expect(m.aliasHistory.filter((a: { to: string | null }) => a.to === null)).toHaveLength(1);
  });

  it('rejects bad alias mutations naming the field, or the missing model or version, writing nothing', async () => {
    await register(v1);
    const before = await snapshot();
    const cases: [Record<string, string>, string][] = [
      [{ alias: 'has space' }, 'alias'], [{ alias: 'x'.repeat(65) }, 'alias'], [{ model: '' }, 'model'], [{ version: '' }, 'version'],
      [{ reason: 'x'.repeat(10_001) }, 'reason'],
    ];
    for (const [vars, field] of cases) {
      const result = await graph.gql(SET_ALIAS, { model: 'fraud', alias: 'champion', version: 'v1', ...vars });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badRemove = await graph.gql('mutation { removeModelAlias(model: "fraud", alias: "a/b") { id } }');
    expect(badRemove.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alias' });
    const noVersion = await graph.gql(SET_ALIAS, { model: 'fraud', alias: 'champion', version: 'v7' });
    expect(noVersion.errors?.[0]).toMatchObject({ message: "ModelVersion 'fraud@v7' not found.", extensions: { code: 'NOT_FOUND' } });
    const noModel = await graph.gql('mutation { removeModelAlias(model: "nope", alias: "champion") { id } }');
    expect(noModel.errors?.[0]).toMatchObject({ message: "Model 'nope' not found.", extensions: { code: 'NOT_FOUND' } });
    expect(await snapshot()).toEqual(before);
  });

  it('supersedes a version by another of the same model, once', async () => {
    const old = await register(v1);
    await register({ ...v1, version: 'v2' });
    await register({ ...v1, model: 'other' });
    const { supersedeModelVersion: s } = await graph.ok(SUPERSEDE, { old: { id: old.id }, by: { model: 'fraud', version: 'v2' }, reason: 'drift' });
    expect(s).toMatchObject({ version: 'v1', supersededReason: 'drift', supersededBy: { reason: 'drift', modelVersion: { version: 'v2' } } });
    expect(s.supersededAt).toEqual(expect.any(String));
    const { modelVersion } = await graph.ok('{ modelVersion(ref: { model: "fraud", version: "v2" }) { supersedes { reason modelVersion { version } } } }');
    expect(modelVersion.supersedes).toEqual([{ reason: 'drift', modelVersion: { version: 'v1' } }]);

    const before = await snapshot();
    const refs = (old: string, by: string, model = 'fraud') => ({ old: { model: 'fraud', version: old }, by: { model, version: by }, reason: 'r' });
    const twice = await graph.gql(SUPERSEDE, refs('v1', 'v2'));
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'old' });
    const cycle = await graph.gql(SUPERSEDE, refs('v2', 'v1'));
    expect(cycle.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'by' });
    const cases: [Record<string, unknown>, string][] = [
      [refs('v2', 'v2'), 'by'], [refs('v2', 'v1', 'other'), 'by'], [{ ...refs('v2', 'v1'), reason: ' ' }, 'reason'],
      [{ ...refs('v2', 'v1'), old: { model: 'fraud' } }, 'old'],
    ];
    for (const [vars, field] of cases) {
      const result = await graph.gql(SUPERSEDE, vars);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const missing = await graph.gql(SUPERSEDE, refs('v2', 'v9'));
    expect(missing.errors?.[0]).toMatchObject({ message: "ModelVersion 'fraud@v9' not found.", extensions: { code: 'NOT_FOUND' } });
    expect(await snapshot()).toEqual(before);
  });

  it('resolves every relationship field of a list in batches, not one query per row', async () => {
    for (let i = 0; i < 5; i++) await register({ ...v1, model: `m${i}` });
    for (let i = 0; i < 5; i++) await graph.ok(SET_ALIAS, { model: `m${i}`, alias: 'prod', version: 'v1' });
    const result = await graph.gql(`{ models { nodes { versions { model { name } trainingData { role } features { importance }
      aliases supersededBy { at } supersedes { at } } aliases { name } aliasHistory { name } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.models.nodes).toHaveLength(5);
    // list + versions + aliases + aliasHistory + 6 version fields, whatever the number of rows
    expect(result.statements).toBeLessThanOrEqual(10);
  });
});

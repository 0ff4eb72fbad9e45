import { modelgraph } from './support/cli';
import { useGraph } from './support/graph';
import { hasMlflow, MlflowServer, startMlflow } from './support/mlflow-server';

/**
 * `modelgraph sync mlflow` against a real MLflow tracking server (SQLite backend, started here),
 * populated by MLflow's own Python client: models, versions, the source runs' params, metrics and
 * code version, the logged training dataset joined to the OpenLineage dataset of the same source
 * URI, alias moves as history, idempotence, and a deleted version marked rather than lost.
 */
const describeWithMlflow = hasMlflow ? describe : (name: string, fn: () => void) => describe.skip(`${name} [skipped: no .venv: run sh scripts/setup-python.sh]`, fn);
const SOURCE_NS = 'postgres://db.example:5432';
const TABLE = 'analytics.marts.customers';

describeWithMlflow('MLflow sync', () => {
  const graph = useGraph();
  let mlflow: MlflowServer;
  let runs: string[];
  beforeAll(async () => {
    mlflow = await startMlflow();
    ({ runs } = await mlflow.populate({
      model: 'churn', versions: 2, source: `${SOURCE_NS}/${TABLE}`, dataset: 'customers',
      columns: [['customer_id', 'long'], ['tenure', 'double']], champion: ['1', '2'],
    }));
  }, 300_000);
  afterAll(() => mlflow?.stop());
  const env = () => ({ NEO4J_URI: process.env.MODELGRAPH_TEST_NEO4J_URI! });
  const sync = () => modelgraph(['sync', 'mlflow', '--url', mlflow.url], env());
  const post = (route: string, body: unknown, method = 'POST') => fetch(`${mlflow.url}/api/2.0/mlflow/${route}`,
    { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const snapshot = async () => (await graph.db.runAutoCommit(`MATCH (n) WHERE NOT n:SchemaMigration
    RETURN labels(n) AS l, properties(n) AS p`)).map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  const relCount = async () => (await graph.db.runAutoCommit('MATCH ()-[r]->() RETURN count(r) AS n'))[0].n;

  it('maps models, versions, source runs and logged datasets, joined to the OpenLineage dataset; a second sync changes nothing', async () => {
    // The training table, as an OpenLineage producer (dbt, Spark) reported it, before training.
    await graph.ok(`mutation { registerDatasetVersion(input: { namespace: "${SOURCE_NS}", name: "${TABLE}", version: "v1", createdAt: "2026-01-01T00:00:00Z",
      fields: [{ name: "customer_id", type: "bigint" }, { name: "tenure", type: "double" }] }) { id } }`);
    const first = await sync();
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('synced 1 models: 2 versions added');

    const { model } = await graph.ok(`{ model: modelByName(name: "churn") { description aliases { name modelVersion { version } }
      versions { version metrics trainingData { role datasetVersion { version dataset { namespace name } } }
        producedBy { runId codeVersion parameters job { name } inputs { version } } } } }`);
    expect(model.description).toBe('Predicts churn from customer activity.');
    expect(model.aliases).toEqual([{ name: 'champion', modelVersion: { version: '2' } }]);
    const v2 = model.versions.find((v: any) => v.version === '2');
    expect(v2.metrics).toEqual({ auc: expect.closeTo(0.85, 6) });
    expect(v2.trainingData).toEqual([{ role: 'TRAIN', datasetVersion: { version: 'v1', dataset: { namespace: SOURCE_NS, name: TABLE } } }]);
    const uuid = runs[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect(v2.producedBy).toEqual({ runId: uuid, codeVersion: '2'.padStart(40, '0'), parameters: { max_depth: '5', learning_rate: '0.1' },
      job: { name: 'churn-training' }, inputs: [{ version: 'v1' }] });
    const [props] = await graph.db.runAutoCommit(`MATCH (:Model {name: 'churn'})<-[:VERSION_OF]-(mv:ModelVersion {version: '2'})
      RETURN mv.description AS description, mv.mlflowTags AS tags, mv.mlflowDeletedAt AS deletedAt`);
    expect(props).toEqual({ description: 'trained by run 2', tags: '{"framework":"xgboost"}', deletedAt: null });
    // The metric history, with steps.
    const [history] = await graph.db.runAutoCommit(`MATCH (s:MetricSeries)-[:MEASURES]->(mv:ModelVersion {version: '2'}) RETURN s.name AS name`);
    expect(history).toEqual({ name: 'auc' });

    const before = { nodes: await snapshot(), rels: await relCount() };
    expect((await sync()).stdout).toContain('0 versions added, 0 updated, 0 marked deleted, 0 alias changes');
    expect({ nodes: await snapshot(), rels: await relCount() }).toEqual(before);
  }, 300_000);

  it('keeps alias history as observed and marks a version deleted in MLflow, keeping it', async () => {
    await sync();
    expect((await post('registered-models/alias', { name: 'churn', alias: 'champion', version: '1' })).ok).toBe(true);
    expect((await post('model-versions/delete', { name: 'churn', version: '2' }, 'DELETE')).status).toBeLessThan(300);
    const watch = await modelgraph(['sync', 'mlflow', '--url', mlflow.url, '--watch', '--interval', '0', '--passes', '2'], env());
    expect(watch.code).toBe(0);
    expect(watch.stderr).toMatch(/pass 1: synced 1 models: 0 versions added, 0 updated, 1 marked deleted, 1 alias changes\npass 2: .* 0 marked deleted, 0 alias changes/);
    const { model } = await graph.ok('{ model: modelByName(name: "churn") { versions { version } aliasHistory(name: "champion") { modelVersion { version } to } } }');
    expect(model.versions.map((v: any) => v.version).sort()).toEqual(['1', '2']);
    expect(model.aliasHistory.map((a: any) => [a.modelVersion.version, a.to === null])).toEqual([['1', true], ['2', false]]);
    const [deleted] = await graph.db.runAutoCommit(`MATCH (:Model {name: 'churn'})<-[:VERSION_OF]-(mv:ModelVersion {version: '2'}) RETURN mv.mlflowDeletedAt IS NOT NULL AS marked`);
    expect(deleted).toEqual({ marked: true });
  }, 300_000);
});

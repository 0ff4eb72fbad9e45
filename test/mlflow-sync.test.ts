import { modelgraph } from './support/cli';
import { DbtRun, hasDbt, runDbtOl } from './support/dbt';
import { useGraph } from './support/graph';
import { hasMlflow, MlflowServer, startMlflow } from './support/mlflow-server';

/**
 * `modelgraph sync mlflow` against a real MLflow tracking server (SQLite backend, started here),
 * populated by MLflow's own Python client: models, versions, the source runs' params, metrics and
 * code version, the logged training dataset joined to the OpenLineage dataset of the same source
 * URI, the logged columns as features derived from that dataset's fields, alias moves as history,
 * idempotence, and a deleted version marked rather than lost. Then the whole way across tools:
 * dbt (through OpenLineage) builds the table an MLflow run trains on, and a field gate on a dbt
 * source column stops a change that reaches a served model. One MLflow server for all of it
 * (it takes ~25 s to start and ~65 s to populate here).
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
      versions { version metrics features { importance feature { namespace name derivedFrom { name datasetVersion { version } } } }
        source { system trackingUri description tags status deletedAt } trainingData { role datasetVersion { version dataset { namespace name } } }
        producedBy { runId codeVersion parameters job { name } inputs { version } } } } }`);
    expect(model.description).toBe('Predicts churn from customer activity.');
    expect(model.aliases).toEqual([{ name: 'champion', modelVersion: { version: '2' } }]);
    const v2 = model.versions.find((v: any) => v.version === '2');
    expect(v2.metrics).toEqual({ auc: expect.closeTo(0.85, 6) });
    expect(v2.trainingData).toEqual([{ role: 'TRAIN', datasetVersion: { version: 'v1', dataset: { namespace: SOURCE_NS, name: TABLE } } }]);
    const uuid = runs[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect(v2.features.map((u: any) => [u.feature.namespace, u.feature.name, u.importance, u.feature.derivedFrom]).sort()).toEqual([
      [`${mlflow.url}/runs/${runs[1]}`, 'customer_id', 0.5, [{ name: 'customer_id', datasetVersion: { version: 'v1' } }]],
      [`${mlflow.url}/runs/${runs[1]}`, 'tenure', 0.5, [{ name: 'tenure', datasetVersion: { version: 'v1' } }]],
    ]);
    expect(v2.producedBy).toEqual({ runId: uuid, codeVersion: '2'.padStart(40, '0'), parameters: { max_depth: '5', learning_rate: '0.1' },
      job: { name: 'churn-training' }, inputs: [{ version: 'v1' }] });
    expect(v2.source).toEqual({ system: 'mlflow', trackingUri: mlflow.url, description: 'trained by run 2', tags: { framework: 'xgboost' }, status: 'READY', deletedAt: null });
    // The metric history, with steps.
    const [history] = await graph.db.runAutoCommit(`MATCH (s:MetricSeries)-[:MEASURES]->(mv:ModelVersion {version: '2'}) RETURN s.name AS name`);
    expect(history).toEqual({ name: 'auc' });

    const before = { nodes: await snapshot(), rels: await relCount() };
    expect((await sync()).stdout).toContain('0 versions added, 0 updated, 0 marked deleted, 0 alias changes');
    expect({ nodes: await snapshot(), rels: await relCount() }).toEqual(before);
  }, 300_000);

  it('keeps alias history as observed and marks a version deleted in MLflow, keeping it', async () => {
    expect(await sync()).toMatchObject({ code: 0, stderr: '' });
    expect((await post('registered-models/alias', { name: 'churn', alias: 'champion', version: '1' })).ok).toBe(true);
    expect((await post('model-versions/delete', { name: 'churn', version: '2' }, 'DELETE')).status).toBeLessThan(300);
    const watch = await modelgraph(['sync', 'mlflow', '--url', mlflow.url, '--watch', '--interval', '0', '--passes', '2'], env());
    expect(watch.code).toBe(0);
    expect(watch.stderr).toMatch(/pass 1: synced 1 models: 0 versions added, 0 updated, 1 marked deleted, 1 alias changes\npass 2: .* 0 marked deleted, 0 alias changes/);
    const { model } = await graph.ok(`{ model: modelByName(name: "churn") { versions { version source { deletedAt } }
      aliasHistory(name: "champion") { modelVersion { version } to } } }`);
    expect(model.versions.map((v: any) => [v.version, v.source.deletedAt !== null]).sort()).toEqual([['1', false], ['2', true]]);
    expect(model.aliasHistory.map((a: any) => [a.modelVersion.version, a.to === null])).toEqual([['1', true], ['2', false]]);
  }, 300_000);

  const describeWithDbt = hasDbt ? describe : (name: string, fn: () => void) => describe.skip(`${name} [skipped: no dbt-ol in .venv: run sh scripts/setup-python.sh]`, fn);
  describeWithDbt('across tools: dbt → MLflow → a deployment → a field gate', () => {
    let dbt: DbtRun | undefined;
    afterAll(() => dbt?.remove());

    it('stops a change to a dbt source column that reaches the served churn@3, naming the path through dbt and the MLflow run', async () => {
      // dbt builds marts.customers (tenure_days from the source's signup_date), reported through OpenLineage.
      dbt = await runDbtOl(graph.url);
      const ns = dbt.namespace;
      // An MLflow run trains on that table (logged by its source URI) and registers churn version 3.
      const { runs: trained } = await mlflow.populate({
        model: 'churn', until_version: '3', source: `${ns}/shop.marts.customers`, dataset: 'customers',
        columns: [['customer_id', 'long'], ['tenure_days', 'long'], ['lifetime_value', 'double']],
      });
      const run = trained[trained.length - 1];
      expect((await sync()).code).toBe(0);
      await graph.ok(`mutation { upsertDeployment(input: { name: "churn-prod", environment: "prod" }) { id }
        deploy(deployment: "churn-prod", target: { modelVersion: { model: "churn", version: "3" } }) { id } }`);

      // signup_date of the dbt source is about to change: the gate.
      const gate = ['impact', '--url', graph.url, '--namespace', ns, '--dataset', 'shop.raw.customers', '--field', 'signup_date', '--served-only', '--fail-if-served'];
      const text = await modelgraph(gate);
      expect(text).toMatchObject({ code: 3, stderr: '' });
      expect(text.stdout).toContain('Served deployments affected (1):\n  churn-prod (prod) through churn@3');
      const json = await modelgraph([...gate, '--json']);
      expect(json.code).toBe(3);
      const deployment = JSON.parse(json.stdout).items.find((i: any) => i.node.type === 'DEPLOYMENT');
      expect(deployment.node.label).toBe('churn-prod');
      const path = deployment.paths[0].nodes.map((n: any) => n.label);
      expect(path).toEqual([
        expect.stringMatching(new RegExp(`^${ns}/shop\\.raw\\.customers@.*\\.signup_date$`)),
        expect.stringMatching(/\/shop\.staging\.stg_customers@.*\.signup_date$/),
        expect.stringMatching(/\/shop\.marts\.customers@.*\.tenure_days$/),
        `${mlflow.url}/runs/${run}/tenure_days`,
        'churn@3',
        'churn-prod',
      ]);
      // The run the feature names is the model version's source run, which read the mart.
      const { modelVersion } = await graph.ok(`{ modelVersion(ref: { model: "churn", version: "3" }) { producedBy { runId inputs { dataset { name } } } } }`);
      expect(modelVersion.producedBy).toEqual({ runId: run.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'), inputs: [{ dataset: { name: 'shop.marts.customers' } }] });
    }, 900_000);
  });
});

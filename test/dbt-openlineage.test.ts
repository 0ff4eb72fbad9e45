import { DbtRun, hasDbt, runDbtOl } from './support/dbt';
import { useGraph } from './support/graph';

/**
 * A real dbt project (test/fixtures/dbt: a DuckDB source, two staging views, marts.customers)
 * run by `dbt-ol run` from openlineage-dbt, its events sent to the service: the models land as
 * datasets with their fields, each model as a job with a completed run under the dbt run's parent
 * run, and the column lineage dbt reports as Field.derivedFrom, source column to mart column.
 */
const describeWithDbt = hasDbt ? describe : (name: string, fn: () => void) => describe.skip(`${name} [skipped: no .venv: run sh scripts/setup-python.sh]`, fn);

describeWithDbt('dbt through OpenLineage (dbt-ol)', () => {
  const graph = useGraph();
  let dbt: DbtRun | undefined;
  afterAll(() => dbt?.remove());

  it('maps the models, their runs and their column lineage', async () => {
    dbt = await runDbtOl(graph.url);
    expect(dbt.stdout).toMatch(/Emitted 8 OpenLineage events/);
    const ns = dbt.namespace;

    const { datasets } = await graph.ok(`query($ns: String!) { datasets(filter: { namespace: $ns }) { nodes { name } } }`, { ns });
    expect(datasets.nodes.map((d: any) => d.name).sort()).toEqual(
      ['shop.marts.customers', 'shop.raw.customers', 'shop.raw.orders', 'shop.staging.stg_customers', 'shop.staging.stg_orders']);

    // The mart: its documentation as the description, its columns (schema facet) with their descriptions.
    const { datasetByName: mart } = await graph.ok(`query($ns: String!) { datasetByName(namespace: $ns, name: "shop.marts.customers") {
      description facets currentVersion { fields { name description derivedFrom { field { name } } } } } }`, { ns });
    expect(mart.description).toBe('One row per customer, for the churn model.');
    expect(Object.keys(mart.facets).sort()).toEqual(['columnLineage', 'dataSource', 'dbt_model', 'documentation', 'schema']);
    const field = (name: string) => mart.currentVersion.fields.find((f: any) => f.name === name);
    expect(mart.currentVersion.fields.map((f: any) => f.name)).toEqual(['customer_id', 'customer_name', 'tenure_days', 'lifetime_value']);
    expect(field('tenure_days')).toEqual({ name: 'tenure_days', description: 'Days since sign-up.', derivedFrom: [{ field: { name: 'signup_date' } }] });
    expect(field('lifetime_value').derivedFrom).toEqual([{ field: { name: 'amount' } }]);

    // Column lineage through the staging view down to the source: tenure_days ← stg_customers.signup_date ← raw.customers.signup_date.
    const chain = await graph.db.runAutoCommit(`MATCH p = (m:Field {name: 'tenure_days'})-[:DERIVED_FROM*]->(s:Field)
      WHERE NOT (s)-[:DERIVED_FROM]->()
      RETURN [f IN nodes(p) | [(f)<-[:HAS_FIELD]-(:DatasetVersion)-[:VERSION_OF]->(d:Dataset) | d.name][0] + '.' + f.name] AS chain`);
    expect(chain).toEqual([{ chain: ['shop.marts.customers.tenure_days', 'shop.staging.stg_customers.signup_date', 'shop.raw.customers.signup_date'] }]);

    // Each model is a job with one completed run, a child of the dbt invocation's run; the mart's run read both staging views.
    const { jobByName: job } = await graph.ok(`{ jobByName(namespace: "dbt", name: "shop.marts.shop.customers") { facets
      runs { state parent { state job { name } } inputs { dataset { name } } outputs { dataset { name } } } } }`);
    expect(job.runs).toEqual([{
      state: 'COMPLETE', parent: { state: 'COMPLETE', job: { name: 'dbt-run-shop' } },
      inputs: expect.arrayContaining([{ dataset: { name: 'shop.staging.stg_customers' } }, { dataset: { name: 'shop.staging.stg_orders' } }]),
      outputs: [{ dataset: { name: 'shop.marts.customers' } }],
    }]);
    expect(job.runs[0].inputs).toHaveLength(2);
    expect(job.facets.sql.query).toContain('date_diff');
    const { jobByName: view } = await graph.ok(`{ jobByName(namespace: "dbt", name: "shop.staging.shop.stg_customers") { runs { state inputs { dataset { name } } } } }`);
    expect(view.runs).toEqual([{ state: 'COMPLETE', inputs: [{ dataset: { name: 'shop.raw.customers' } }] }]);
  }, 600_000);
});

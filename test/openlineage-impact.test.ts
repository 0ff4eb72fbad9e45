import fs from 'node:fs';
import path from 'node:path';
import { useGraph } from './support/graph';

/**
 * OpenLineage-produced lineage is first-class: a model trained on a table that an OpenLineage job
 * produced reaches that job's inputs in provenance, and a change to a raw table upstream reaches
 * the model's deployment in impact. Uses Marquez's food_delivery seed events.
 */
const TEMPLATE = path.resolve(__dirname, 'fixtures/openlineage/marquez/food_delivery.template.json');
const T = Date.parse('2026-02-01T08:00:00Z');
const events = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')
  .replace(/\{\{RUN_START_TIME\}\}/g, new Date(T).toISOString())
  .replace(/\{\{RUN_END_TIME_AFTER_(\d+)_MINUTES\}\}/g, (_m, n) => new Date(T + Number(n) * 60_000).toISOString()));

describe('impact and provenance over OpenLineage lineage', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });

  beforeEach(async () => {
    const res = await fetch(`${graph.url}/api/v1/lineage/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events),
    });
    expect(await res.json()).toMatchObject({ status: 'success', accepted: 26 });
    const { datasetByName } = await graph.ok(`{ datasetByName(namespace: "food_delivery", name: "public.popular_orders_day_of_week") {
      currentVersion { version } } }`);
    await graph.ok(`mutation($v: String!) {
      registerModelVersion(input: { model: "weekday-demand", version: "1",
        trainedOn: [{ datasetVersion: { namespace: "food_delivery", name: "public.popular_orders_day_of_week", version: $v }, role: TRAIN }] }) { id }
      upsertDeployment(input: { name: "weekday-demand-prod", environment: "production" }) { id }
      deploy(deployment: "weekday-demand-prod", target: { modelVersion: { model: "weekday-demand", version: "1" } }) { id }
    }`, { v: datasetByName.currentVersion.version });
  }, 180_000);

  it('traces the served model back through the jobs to their raw inputs', async () => {
    const { provenance } = await graph.ok(`{ provenance(of: { type: DEPLOYMENT, name: "weekday-demand-prod" }) {
      runs { job state read { label } wrote { label } }
      datasetVersions { dataset { label } } } }`);
    const jobs = provenance.runs.map((r: { job: string }) => r.job);
    expect(jobs).toEqual(expect.arrayContaining(['food_delivery/orders_popular_day_of_week', 'food_delivery/etl_orders_7_days', 'food_delivery/etl_orders']
      .map((j) => expect.stringContaining(j.split('/')[1]))));
    const datasets = provenance.datasetVersions.map((v: { dataset: { label: string } }) => v.dataset.label);
    expect(datasets).toEqual(expect.arrayContaining([expect.stringContaining('public.orders_7_days'), expect.stringContaining('public.orders')]));
    // The seed's etl_* jobs read from an operational database OpenLineage does not name: they are
    // where the chain starts, with no inputs of their own.
    const etlOrders = provenance.runs.find((r: { job: string }) => r.job.endsWith('etl_orders'));
    expect(etlOrders.read).toEqual([]);
  });

  it('finds the deployment from a change to an upstream table', async () => {
    const { impact } = await graph.ok(`{ impact(of: { type: DATASET, namespace: "food_delivery", name: "public.orders_7_days" }, servedOnly: true, page: { first: 100 }) {
      summary { servedDeployments { name } }
      items { nodes { distance node { type label } } } } }`);
    expect(impact.summary.servedDeployments).toEqual([{ name: 'weekday-demand-prod' }]);
    const modelVersion = impact.items.nodes.find((i: { node: { type: string } }) => i.node.type === 'MODEL_VERSION');
    expect(modelVersion.node.label).toBe('weekday-demand@1');
    expect(modelVersion.distance).toBeGreaterThan(1);
  });
});

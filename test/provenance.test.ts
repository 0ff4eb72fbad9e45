import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

const N = '{ id label }';
const PROVENANCE = `query($of: NodeRef!, $asOf: DateTimeISO) { provenance(of: $of, asOf: $asOf) {
  origin { id type label } truncated
  served { deployment ${N} target ${N} trafficShare }
  members { ensemble ${N} modelVersion ${N} weight }
  modelVersions ${N}
  training { modelVersion ${N} datasetVersion ${N} role }
  featureUses { modelVersion ${N} feature ${N} importance }
  features ${N} fields ${N}
  runs { runId job codeVersion parameters read ${N} wrote ${N} produced ${N} }
  datasetVersions { datasetVersion ${N} dataset ${N} raw }
  rawDatasets ${N} } }`;

const labels = (nodes: { label: string }[]) => nodes.map((n) => n.label).sort();

describe('provenance on a hand-built graph with known answers', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  const provenance = async (vars: Record<string, unknown>) => (await graph.ok(PROVENANCE, vars)).provenance;
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  it('closes a deployment upstream: ensemble members and weights, models, runs, features, fields, exact versions, raw datasets', async () => {
    const p = await provenance({ of: { type: 'DEPLOYMENT', name: 'churn-prod' } });
    expect(p.served).toEqual([{ deployment: { id: 'dep-prod', label: 'churn-prod' }, target: { id: 'ens-churn', label: 'churn-ens' }, trafficShare: 1 }]);
    expect(p.members.map((m: any) => [m.modelVersion.label, m.weight]).sort()).toEqual([['churn@1', 0.5], ['fraud@1', 0.5]]);
    expect(labels(p.modelVersions)).toEqual(['churn@1', 'fraud@1']);
    expect(p.training).toEqual([{ modelVersion: { id: 'mv-churn-1', label: 'churn@1' }, datasetVersion: { id: 'dv-profile-1', label: 'features/customer_profile@v1' }, role: 'TRAIN' }]);
    expect(p.featureUses.map((f: any) => [f.modelVersion.label, f.feature.label, f.importance]).sort())
      .toEqual([['churn@1', 'fs/avg_order', 0.8], ['fraud@1', 'fs/spend', 0.5]]);
    expect(labels(p.features)).toEqual(['fs/avg_order', 'fs/spend']);
    expect(labels(p.fields)).toEqual(['features/order_stats@v1.total_amount', 'warehouse/orders@v1.amount']);
    const train = p.runs.find((r: any) => r.runId === 'run-train-1');
    expect(train).toMatchObject({ job: 'pipelines/train_churn', codeVersion: 'git:ccc1', parameters: { lr: 0.1, epochs: 10 } });
    expect(labels(train.read)).toEqual(['features/customer_profile@v1', 'features/order_stats@v1']);
    expect(labels(train.produced)).toEqual(['churn@1']);
    expect(p.runs.map((r: any) => r.runId).sort()).toEqual(['run-etl-1', 'run-profile-1', 'run-train-1']);
    expect(p.datasetVersions.map((v: any) => [v.datasetVersion.label, v.raw]).sort()).toEqual([
      ['features/customer_profile@v1', false], ['features/order_stats@v1', false], ['warehouse/orders@v1', true]]);
    expect(labels(p.rawDatasets)).toEqual(['warehouse/orders']);
  });

  it('answers as of a time: the weights then, and what a retired deployment served', async () => {
    const jan = await provenance({ of: { type: 'ENSEMBLE', name: 'churn-ens' }, asOf: '2026-01-10T00:00:00Z' });
    expect(jan.members.map((m: any) => [m.modelVersion.label, m.weight]).sort()).toEqual([['churn@1', 0.7], ['fraud@1', 0.3]]);
    const retired = await provenance({ of: { type: 'DEPLOYMENT', name: 'churn-canary' } });
    expect(retired.served).toEqual([]);
    expect(retired.modelVersions).toEqual([]);
    const then = await provenance({ of: { type: 'DEPLOYMENT', name: 'churn-canary' }, asOf: '2026-01-10T00:00:00Z' });
    expect(labels(then.modelVersions)).toEqual(['churn@1']);
    expect(labels(then.rawDatasets)).toEqual(['warehouse/orders']);
  });

  it('closes a model version down to its raw dataset version only, and a dataset through all its versions', async () => {
    const p = await provenance({ of: { type: 'MODEL_VERSION', model: 'churn', version: '2' } });
    expect(p.runs.map((r: any) => r.runId).sort()).toEqual(['run-etl-2', 'run-train-2']);
    expect(p.datasetVersions.filter((v: any) => v.raw).map((v: any) => v.datasetVersion.label)).toEqual(['warehouse/orders@v2']);
    // Any node type is an origin: a derived dataset covers all its versions, down to the raw ones they came from.
    const stats = await provenance({ of: { type: 'DATASET', namespace: 'features', name: 'order_stats' } });
    expect(stats.runs.map((r: any) => r.runId).sort()).toEqual(['run-etl-1', 'run-etl-2']);
    expect(stats.datasetVersions.filter((v: any) => v.raw).map((v: any) => v.datasetVersion.label).sort()).toEqual(['warehouse/orders@v1', 'warehouse/orders@v2']);
    expect(labels(stats.rawDatasets)).toEqual(['warehouse/orders']);
  });
});

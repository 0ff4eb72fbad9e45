import { gql } from '../http';
import { runConcurrently } from '../stats';

/**
 * A lineage of about 1,000 nodes for the web UI's render benchmark, recorded through the GraphQL
 * API into the bench's graph under a namespace of its own (`ui-bench`: nothing of the generated
 * graph links to it, and it is made after every other part ran). Downstream of one dataset version:
 * its fields, features computed from them, model versions using the features, and a deployment per
 * model serving its newest version: 1 + 12 + 360 + 525 + 105 = 1,003 nodes, about 3,100 edges.
 */
export const UI_LINEAGE_ORIGIN = { type: 'DATASET_VERSION', namespace: 'ui-bench', name: 'events', version: 'v1' };

const FIELDS = 12;
const FEATURES = 360;
const MODELS = 105;
const VERSIONS = 5;
const FEATURES_PER_VERSION = 4;
const CLIENTS = 4;

const m = (name: string, type: string) => `mutation($input: ${type}!) { ${name}(input: $input) { id } }`;
const DEPLOY = 'mutation($d: String!, $t: DeploymentTargetInput!) { deploy(deployment: $d, target: $t) { name } }';
const SIZE = 'query($node: NodeRef!) { lineage(node: $node, direction: DOWNSTREAM, depth: 20) { truncated nodes { id } edges { from } } }';

/** Seeds the lineage unless an earlier run (--data) did; answers its size as the API returns it. */
export async function seedUiLineage(url: string, log: (m: string) => void): Promise<{ nodes: number; edges: number }> {
  const size = async () => (await gql<{ lineage: { truncated: boolean; nodes: unknown[]; edges: unknown[] } }>(url, SIZE, { node: UI_LINEAGE_ORIGIN })).data.lineage;
  const existing = await size().catch(() => null);
  if (!existing) {
    const started = performance.now();
    const dataset = { namespace: UI_LINEAGE_ORIGIN.namespace, name: UI_LINEAGE_ORIGIN.name, version: UI_LINEAGE_ORIGIN.version };
    await gql(url, m('registerDatasetVersion', 'RegisterDatasetVersionInput'), { input: { ...dataset, rowCount: 1000,
      fields: Array.from({ length: FIELDS }, (_, i) => ({ name: `f${i}`, type: 'double' })) } });
    await runConcurrently(FEATURES, CLIENTS, (i) => gql(url, m('upsertFeature', 'UpsertFeatureInput'), { input: {
      namespace: 'ui-bench', name: `feature_${i}`, derivedFrom: [{ ...dataset, field: `f${i % FIELDS}` }] } }).then(() => undefined));
    // Versions one after another within a model (a version's successor supersedes it), models in parallel.
    await runConcurrently(MODELS, CLIENTS, async (model) => {
      for (let v = 1; v <= VERSIONS; v++) {
        const features = Array.from({ length: FEATURES_PER_VERSION }, (_, j) => ({
          feature: { namespace: 'ui-bench', name: `feature_${(model * 7 + v * 3 + j * 61) % FEATURES}` }, importance: 1 / FEATURES_PER_VERSION }));
        await gql(url, m('registerModelVersion', 'RegisterModelVersionInput'), { input: {
          model: `ui-bench-${model}`, version: String(v), features, trainedOn: [{ datasetVersion: dataset, role: 'TRAIN' }] } });
      }
      await gql(url, 'mutation($input: UpsertDeploymentInput!) { upsertDeployment(input: $input) { id } }', { input: { name: `ui-bench-${model}-prod`, environment: 'prod' } });
      await gql(url, DEPLOY, { d: `ui-bench-${model}-prod`, t: { modelVersion: { model: `ui-bench-${model}`, version: String(VERSIONS) } } });
    });
    log(`ui: seeded a lineage under ui-bench/ in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  const lineage = existing ?? (await size());
  if (lineage.truncated) log('ui: the lineage was truncated at the service\'s node limit');
  return { nodes: lineage.nodes.length, edges: lineage.edges.length };
}

import { loadMigrations } from '../src/db/migrate';
import { useGraph } from './support/graph';

// World time (when a thing became true, given as `at`/`createdAt`) is what `asOf` answers by; the
// time a thing was written (`recordedAt`) is kept beside it. A back-fill writes last month's history
// today: every answer as of last month must see it.
const IMPACT = `query($of: NodeRef!, $asOf: DateTimeISO) { impact(of: $of, asOf: $asOf, page: {first: 100}) {
  items { nodes { node { type label } } } } }`;
const PROVENANCE = `query($of: NodeRef!, $asOf: DateTimeISO) { provenance(of: $of, asOf: $asOf) {
  modelVersions { label } features { label } fields { label } runs { runId } datasetVersions { datasetVersion { label } } } }`;
const SERVING = `query($asOf: DateTimeISO) { deployment(name: "fraud-prod") { createdAt serving(asOf: $asOf) { target { ... on ModelVersion { version } } } } }`;

const OCT = (day: number) => `2025-10-${String(day).padStart(2, '0')}T12:00:00.000Z`;
const NOV = (day: number) => `2025-11-${String(day).padStart(2, '0')}T12:00:00.000Z`;
const RUN_ID = '6f1c2a52-3c1d-4a43-9a52-7d1f0f7b2a10';
const AMOUNT = { type: 'FIELD', namespace: 'lake', name: 'tx', version: 'v1', field: 'amount' };

describe('time travel by world time on back-filled histories', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  const impacted = async (of: Record<string, unknown>, asOf: string) =>
    ((await graph.ok(IMPACT, { of, asOf })).impact.items.nodes as { node: { type: string; label: string } }[]).map((i) => `${i.node.type} ${i.node.label}`).sort();

  /** October: a dataset version, a feature, a job and its run, a model version; all written today. */
  async function backfillOctober(): Promise<void> {
    await graph.ok(`mutation { registerDatasetVersion(input: {namespace: "lake", name: "tx", version: "v1", createdAt: "${OCT(1)}",
      fields: [{name: "amount", type: "double"}, {name: "country", type: "string"}]}) { id } }`);
    await graph.ok(`mutation { upsertFeature(input: {namespace: "fs", name: "spend", at: "${OCT(2)}",
      derivedFrom: [{namespace: "lake", name: "tx", version: "v1", field: "amount"}]}) { id } }`);
    await graph.ok(`mutation { upsertJob(input: {namespace: "pipelines", name: "train", at: "${OCT(3)}"}) { id } }`);
    await graph.ok(`mutation { recordRun(input: {job: {namespace: "pipelines", name: "train"}, runId: "${RUN_ID}", state: COMPLETE,
      at: "${OCT(3)}", inputs: [{namespace: "lake", name: "tx", version: "v1"}]}) { runId } }`);
    await graph.ok(`mutation { registerModelVersion(input: {model: "fraud", version: "1", createdAt: "${OCT(5)}", producedByRunId: "${RUN_ID}",
      trainedOn: [{datasetVersion: {namespace: "lake", name: "tx", version: "v1"}, role: TRAIN}],
      features: [{feature: {namespace: "fs", name: "spend"}, importance: 1}]}) { id } }`);
  }

  it('answers provenance of a deployment back-filled for November as of November (deployment.serving agreed already)', async () => {
    await backfillOctober();
    await graph.ok('mutation { upsertDeployment(input: {name: "fraud-prod", environment: "prod"}) { id } }');
    await graph.ok(`mutation { deploy(deployment: "fraud-prod", target: {modelVersion: {model: "fraud", version: "1"}}, at: "${NOV(1)}") { id } }`);
    const serving = (await graph.ok(SERVING, { asOf: NOV(27) })).deployment;
    expect(serving.serving).toEqual([{ target: { version: '1' } }]);
    // A deployment serves from its first SERVES edge on: it existed by then.
    expect(serving.createdAt).toBe(NOV(1));
    const p = (await graph.ok(PROVENANCE, { of: { type: 'DEPLOYMENT', name: 'fraud-prod' }, asOf: NOV(27) })).provenance;
    expect(p.modelVersions).toEqual([{ label: 'fraud@1' }]);
    expect(p.features).toEqual([{ label: 'fs/spend' }]);
    expect(p.fields).toEqual([{ label: 'lake/tx@v1.amount' }]);
    expect(p.runs).toEqual([{ runId: RUN_ID }]);
    expect(p.datasetVersions).toEqual([{ datasetVersion: { label: 'lake/tx@v1' } }]);
  });

  it('a deployment created with `at` keeps that createdAt; a later upsert never moves it', async () => {
    await graph.ok(`mutation { upsertDeployment(input: {name: "fraud-prod", environment: "prod", at: "${OCT(20)}"}) { id } }`);
    await graph.ok('mutation { upsertDeployment(input: {name: "fraud-prod", environment: "staging"}) { id } }');
    expect((await graph.ok(SERVING, {})).deployment.createdAt).toBe(OCT(20));
  });

  it('finds features, runs, ensembles and jobs created with `at` in the past by impact as of a day later', async () => {
    await backfillOctober();
    await graph.ok(`mutation { upsertEnsemble(input: {name: "fraud-ens", at: "${OCT(10)}",
      members: [{modelVersion: {model: "fraud", version: "1"}, weight: 1}]}) { id } }`);
    expect(await impacted(AMOUNT, OCT(3))).toEqual(['FEATURE fs/spend']);
    expect(await impacted({ type: 'DATASET_VERSION', namespace: 'lake', name: 'tx', version: 'v1' }, OCT(4)))
      .toEqual(['FIELD lake/tx@v1.amount', 'FIELD lake/tx@v1.country', 'FEATURE fs/spend', `RUN pipelines/train#${RUN_ID}`].sort());
    expect(await impacted(AMOUNT, OCT(11))).toEqual(['ENSEMBLE fraud-ens', 'FEATURE fs/spend', 'MODEL_VERSION fraud@1']);
    expect(await impacted({ type: 'JOB', namespace: 'pipelines', name: 'train' }, OCT(4))).toEqual([`RUN pipelines/train#${RUN_ID}`]);
  });

  it('refuses a deploy `at` before its target existed, whether or not the target changes', async () => {
    await backfillOctober();
    await graph.ok(`mutation { upsertEnsemble(input: {name: "fraud-ens", at: "${OCT(10)}",
      members: [{modelVersion: {model: "fraud", version: "1"}, weight: 1}]}) { id } }`);
    await graph.ok('mutation { upsertDeployment(input: {name: "fraud-prod", environment: "prod"}) { id } }');
    const deploy = (target: string, at: string) => graph.gql(`mutation { deploy(deployment: "fraud-prod", target: ${target}, at: "${at}") { id } }`);
    const MV = '{modelVersion: {model: "fraud", version: "1"}}';
    const early = await deploy(MV, OCT(4));
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    expect(early.errors?.[0].message).toContain(OCT(5));
    expect((await deploy('{ensemble: "fraud-ens"}', OCT(9))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    await deploy(MV, OCT(6));
    // Serving it already: still refused, not a silent no-op.
    expect((await deploy(MV, OCT(4))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    const shift = await graph.gql(`mutation { shiftTraffic(deployment: "fraud-prod", at: "${OCT(4)}",
      shares: [{target: ${MV}, share: 1}]) { id } }`);
    expect(shift.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
  });

  it("keeps a feature's derivedFrom history: the fields then are found as of then, the current ones now", async () => {
    await backfillOctober();
    await graph.ok(`mutation { upsertFeature(input: {namespace: "fs", name: "spend", at: "${OCT(15)}",
      derivedFrom: [{namespace: "lake", name: "tx", version: "v1", field: "country"}]}) { id } }`);
    const feature = await graph.ok('{ featureByName(namespace: "fs", name: "spend") { createdAt derivedFrom { name } } }');
    expect(feature.featureByName).toEqual({ createdAt: OCT(2), derivedFrom: [{ name: 'country' }] });
    expect(await impacted(AMOUNT, OCT(10))).toEqual(['FEATURE fs/spend', 'MODEL_VERSION fraud@1']);
    // After the change the feature no longer derives from `amount`: the traversals follow the interval.
    expect(await impacted(AMOUNT, OCT(16))).toEqual([]);
    const fields = await graph.ok('{ datasetVersion(ref: {namespace: "lake", name: "tx", version: "v1"}) { fields { name features { name } } } }');
    expect(fields.datasetVersion.fields).toEqual([{ name: 'amount', features: [] }, { name: 'country', features: [{ name: 'spend' }] }]);
    const [edge] = await graph.db.runAutoCommit(`MATCH (:Feature)-[r:DERIVED_FROM]->(:Field {name: 'amount'})
      RETURN r.from AS from, r.to AS to, r.recordedAt IS NOT NULL AS recorded, r.toRecordedAt IS NOT NULL AS closeRecorded`);
    expect(edge).toEqual({ from: new Date(OCT(2)), to: new Date(OCT(15)), recorded: true, closeRecorded: true });
    // A change `at` before the latest one would rewrite history: refused.
    const again = await graph.gql(`mutation { upsertFeature(input: {namespace: "fs", name: "spend", at: "${OCT(14)}", derivedFrom: []}) { id } }`);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.at' });
  });

  it('records when everything was written: recordedAt on every node and relationship, toRecordedAt on closed intervals', async () => {
    await backfillOctober();
    await graph.ok(`mutation { upsertEnsemble(input: {name: "fraud-ens", at: "${OCT(10)}",
      members: [{modelVersion: {model: "fraud", version: "1"}, weight: 1}]}) { id } }`);
    await graph.ok(`mutation { upsertDataset(input: {namespace: "lake", name: "other", at: "${OCT(1)}"}) { id } }`);
    await graph.ok(`mutation { upsertModel(input: {name: "churn", at: "${OCT(1)}"}) { createdAt } }`);
    await graph.ok(`mutation { setModelAlias(model: "fraud", alias: "champion", version: "1", at: "${OCT(6)}") { from } }`);
    await graph.ok(`mutation { removeModelAlias(model: "fraud", alias: "champion", at: "${OCT(7)}") { id } }`);
    await graph.ok(`mutation { registerModelVersion(input: {model: "fraud", version: "2", createdAt: "${OCT(8)}"}) { id } }`);
    await graph.ok(`mutation { supersedeModelVersion(old: {model: "fraud", version: "1"}, by: {model: "fraud", version: "2"}, reason: "better", at: "${OCT(9)}") { supersededAt } }`);
    await graph.ok('mutation { upsertDeployment(input: {name: "fraud-prod", environment: "prod"}) { id } }');
    await graph.ok(`mutation { deploy(deployment: "fraud-prod", target: {ensemble: "fraud-ens"}, at: "${OCT(11)}") { id } }`);
    await graph.ok(`mutation { setEnsembleMembers(ensemble: "fraud-ens", at: "${OCT(12)}", members: [{modelVersion: {model: "fraud", version: "2"}, weight: 1}]) { id } }`);
    await graph.ok(`mutation { undeploy(deployment: "fraud-prod", at: "${OCT(13)}") { id } }`);
    const [missing] = await graph.db.runAutoCommit(`CALL () { MATCH (n) WHERE n.recordedAt IS NULL AND NOT n:SchemaMigration RETURN collect(labels(n)[0]) AS nodes }
      CALL () { MATCH ()-[r]->() WHERE r.recordedAt IS NULL RETURN collect(type(r)) AS rels }
      CALL () { MATCH ()-[r]->() WHERE r.to IS NOT NULL AND r.toRecordedAt IS NULL RETURN collect(type(r)) AS closed }
      CALL () { MATCH (n) WHERE n.createdAt IS NULL AND NOT n:SchemaMigration RETURN collect(labels(n)[0]) AS created }
      RETURN nodes, rels, closed, created`);
    expect(missing).toEqual({ nodes: [], rels: [], closed: [], created: [] });
    const [times] = await graph.db.runAutoCommit(`MATCH (m:Model {name: 'churn'}), (d:Dataset {name: 'other'}), (old:ModelVersion {version: '1'}),
      (:Model {name: 'fraud'})-[a:ALIAS]->() RETURN m.createdAt AS model, d.createdAt AS dataset, old.supersededAt AS superseded, a.to AS aliasTo`);
    expect(times).toEqual({ model: new Date(OCT(1)), dataset: new Date(OCT(1)), superseded: new Date(OCT(9)), aliasTo: new Date(OCT(7)) });
  });

  it('the recordedAt migration back-fills existing data from createdAt or from, and is idempotent', async () => {
    await graph.db.runAutoCommit(`CREATE (d:Deployment {id: 'd', name: 'old', environment: 'prod', createdAt: datetime($oct1)})
      -[:SERVES {trafficShare: 1.0, from: datetime($oct2)}]->(:ModelVersion {id: 'mv', modelId: 'm', version: '1', contentHash: 'h'})`, { oct1: OCT(1), oct2: OCT(2) });
    const migration = loadMigrations().find((m) => m.name.includes('recorded_at'))!;
    for (let i = 0; i < 2; i++) for (const statement of migration.statements) await graph.db.runAutoCommit(statement);
    const [row] = await graph.db.runAutoCommit(`MATCH (d:Deployment)-[s:SERVES]->(mv:ModelVersion)
      RETURN d.recordedAt AS deployment, s.recordedAt AS serves, mv.recordedAt IS NOT NULL AS version`);
    expect(row).toEqual({ deployment: new Date(OCT(1)), serves: new Date(OCT(2)), version: true });
  });
});

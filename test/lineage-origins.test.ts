import { loadFixture } from './fixtures/load';
import { modelgraph } from './support/cli';
import { useGraph } from './support/graph';

/**
 * What a lineage answer covers, on test/fixtures/lake-events.cypher (both clocks set explicitly): a
 * FIELD reference without version is that field in every version (all origins), deployments serving
 * the origin itself count as served, upstream from a dataset or a job is theirs, provenance starts
 * from any node type, and knownAt answers with what had been recorded then. In both traversal engines.
 */
const N = 'id type label';
const IMPACT = `query($of: NodeRef!, $servedOnly: Boolean, $asOf: DateTimeISO, $knownAt: DateTimeISO) {
  impact(of: $of, servedOnly: $servedOnly, asOf: $asOf, knownAt: $knownAt, page: { first: 100 }) {
    origin { ${N} } origins { ${N} } asOf knownAt
    items { nodes { node { ${N} } distance serving { deployment trafficShare direct } paths { nodes { id } } } }
    summary { total servedDeployments { name via } } } }`;
const LINEAGE = `query($node: NodeRef!, $direction: LineageDirection!, $asOf: DateTimeISO, $knownAt: DateTimeISO) {
  lineage(node: $node, direction: $direction, asOf: $asOf, knownAt: $knownAt) { origin { id } origins { id } nodes { id } edges { from to type } } }`;
const PROVENANCE = `query($of: NodeRef!, $knownAt: DateTimeISO) { provenance(of: $of, knownAt: $knownAt) {
  origin { id } origins { id } knownAt modelVersions { id } features { id } fields { id }
  runs { runId job read { id } wrote { id } } datasetVersions { datasetVersion { id } dataset { id } raw } rawDatasets { id } served { deployment { id } } } }`;

const AMOUNT = { type: 'FIELD', namespace: 'lake', name: 'events', field: 'amount' };
const EVENTS = { type: 'DATASET', namespace: 'lake', name: 'events' };
const INGEST = { type: 'JOB', namespace: 'lake', name: 'ingest_events' };
const CHURN_7 = { type: 'MODEL_VERSION', model: 'churn', version: '7' };
const CHURN_8 = { type: 'MODEL_VERSION', model: 'churn', version: '8' };

type Node = { id: string };
const ids = (nodes: Node[]) => nodes.map((n) => n.id).sort();
const names = (deployments: { name: string }[]) => deployments.map((d) => d.name);

describe.each(['procedures', 'cypher'])('with MODELGRAPH_TRAVERSAL=%s', (engine) => {
  const graph = useGraph({ MODELGRAPH_TRAVERSAL: engine, MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  const impact = async (vars: Record<string, unknown>) => (await graph.ok(IMPACT, vars)).impact;
  const lineage = async (vars: Record<string, unknown>) => (await graph.ok(LINEAGE, vars)).lineage;
  const provenance = async (vars: Record<string, unknown>) => (await graph.ok(PROVENANCE, vars)).provenance;
  const env = () => ({ MODELGRAPH_URL: graph.url });
  beforeEach(() => loadFixture(graph.db, 'lake-events'));

  it('covers a field in every version when the reference has none, and says which versions were origins', async () => {
    const r = await impact({ of: AMOUNT, servedOnly: true });
    expect(r.origins).toEqual([
      { id: 'dv-events-2.amount', type: 'FIELD', label: 'lake/events@v2.amount' }, { id: 'dv-events-1.amount', type: 'FIELD', label: 'lake/events@v1.amount' }]);
    expect(r.origin).toEqual(r.origins[0]);
    expect(ids(r.items.nodes.map((i: { node: Node }) => i.node))).toEqual(['dep-churn-canary', 'dep-churn-prod', 'fe-amount-7d', 'mv-churn-7', 'mv-churn-8']);
    expect(r.items.nodes.find((i: { node: Node }) => i.node.id === 'fe-amount-7d').paths).toEqual([{ nodes: [{ id: 'dv-events-1.amount' }, { id: 'fe-amount-7d' }] }]);
    expect(names(r.summary.servedDeployments)).toEqual(['churn-canary', 'churn-prod']);
    // Before v2 existed, v1 is the only origin; a version narrows the reference to it.
    const feb = await impact({ of: AMOUNT, asOf: '2026-02-01T00:00:00Z' });
    expect(ids(feb.origins)).toEqual(['dv-events-1.amount']);
    const v2 = await impact({ of: { ...AMOUNT, version: 'v2' }, servedOnly: true });
    expect(ids(v2.origins)).toEqual(['dv-events-2.amount']);
    expect(v2.summary.servedDeployments).toEqual([]);
    const missing = await graph.gql(IMPACT, { of: { ...AMOUNT, field: 'nope' } });
    expect(missing.errors?.[0]).toMatchObject({ message: "Field 'lake/events.nope' not found.", extensions: { code: 'NOT_FOUND' } });
  });

  it('gates on a field without version in the CLI (exit 3)', async () => {
    const gate = await modelgraph(['impact', '--dataset', 'lake/events', '--field', 'amount', '--served-only', '--fail-if-served'], env());
    expect(gate.stdout).toContain('Impact of FIELD lake/events@v2.amount, lake/events@v1.amount');
    expect(gate.code).toBe(3);
  });

  it('counts the deployments serving the origin itself, a canary at 90% included', async () => {
    const r = await impact({ of: CHURN_7, servedOnly: true });
    expect(r.summary.servedDeployments).toEqual([{ name: 'churn-canary', via: ['churn@7'] }, { name: 'churn-prod', via: ['churn@7'] }]);
    const canary = await impact({ of: CHURN_8, servedOnly: true });
    expect(canary.summary.servedDeployments).toEqual([{ name: 'churn-canary', via: ['churn@8'] }]);
    expect(canary.items.nodes.map((i: { node: Node }) => i.node.id)).toEqual(['dep-churn-canary']);
    const gate = await modelgraph(['impact', '--model-version', 'churn@7', '--served-only', '--fail-if-served'], env());
    expect(gate.code).toBe(3);
  });

  it('goes upstream from a dataset (its versions) and from a job (its runs), and both ways', async () => {
    const up = await lineage({ node: EVENTS, direction: 'UPSTREAM' });
    expect(ids(up.nodes)).toEqual(['ds-clicks', 'ds-events', 'dv-clicks-r1', 'dv-events-1', 'dv-events-2', 'job-ingest', 'run-ingest-1', 'run-ingest-2']);
    expect(up.edges).toContainEqual({ from: 'dv-events-1', to: 'ds-events', type: 'VERSION_OF' });
    const both = await lineage({ node: EVENTS, direction: 'BOTH' });
    expect(ids(both.nodes)).toEqual(expect.arrayContaining([...ids(up.nodes), 'fe-amount-7d', 'mv-churn-7', 'dep-churn-prod', 'dv-events-1.amount']));
    const job = await lineage({ node: INGEST, direction: 'UPSTREAM' });
    expect(ids(job.nodes)).toEqual(['ds-clicks', 'dv-clicks-r1', 'job-ingest', 'run-ingest-1', 'run-ingest-2']);
    const jobBoth = await lineage({ node: INGEST, direction: 'BOTH' });
    expect(ids(jobBoth.nodes)).toEqual(expect.arrayContaining(['dv-clicks-r1', 'dv-events-1', 'dv-events-2', 'mv-churn-7']));
  });

  it('answers provenance from every node type', async () => {
    const of: Record<string, Record<string, string>> = {
      DATASET: EVENTS, DATASET_VERSION: { type: 'DATASET_VERSION', namespace: 'lake', name: 'events', version: 'v1' },
      FIELD: AMOUNT, FEATURE: { type: 'FEATURE', namespace: 'fs', name: 'amount_7d' }, JOB: INGEST, RUN: { type: 'RUN', id: 'run-ingest-2' },
      MODEL: { type: 'MODEL', name: 'churn' }, MODEL_VERSION: CHURN_7, ENSEMBLE: { type: 'ENSEMBLE', name: 'none' }, DEPLOYMENT: { type: 'DEPLOYMENT', name: 'churn-canary' },
    };
    const raw = async (type: string) => ids((await provenance({ of: of[type] })).rawDatasets);
    for (const type of ['DATASET', 'DATASET_VERSION', 'FIELD', 'FEATURE', 'MODEL', 'MODEL_VERSION', 'DEPLOYMENT']) {
      expect({ type, raw: await raw(type) }).toEqual({ type, raw: ['ds-clicks'] });
    }
    const dataset = await provenance({ of: of.DATASET });
    expect(dataset.datasetVersions.filter((v: { raw: boolean }) => !v.raw).map((v: any) => [v.datasetVersion.id, v.dataset.id]).sort())
      .toEqual([['dv-events-1', 'ds-events'], ['dv-events-2', 'ds-events']]);
    expect(dataset.runs.map((r: { runId: string }) => r.runId).sort()).toEqual(['run-ingest-1', 'run-ingest-2']);
    const job = await provenance({ of: of.JOB });
    expect(job.runs.map((r: any) => [r.runId, r.job, ids(r.read)]).sort()).toEqual([
      ['run-ingest-1', 'lake/ingest_events', ['dv-clicks-r1']], ['run-ingest-2', 'lake/ingest_events', ['dv-clicks-r1']]]);
    const model = await provenance({ of: of.MODEL });
    expect(ids(model.modelVersions)).toEqual(['mv-churn-7', 'mv-churn-8']);
    expect(ids(model.fields)).toEqual(['dv-events-1.amount']);
    const field = await provenance({ of: of.FIELD });
    expect(ids(field.origins)).toEqual(['dv-events-1.amount', 'dv-events-2.amount']);
    expect(ids((await provenance({ of: of.RUN })).rawDatasets)).toEqual(['ds-clicks']);
    const missing = await graph.gql(PROVENANCE, { of: of.ENSEMBLE });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers with what had been recorded at knownAt: late records unseen, retractions and late ends not yet', async () => {
    // Mar 3: run-ingest-1 still read r0 (re-bound to r1 on Mar 5); run-ingest-2's read of r1 was recorded on Mar 10.
    const job = await lineage({ node: INGEST, direction: 'UPSTREAM', knownAt: '2026-03-03T00:00:00Z' });
    expect(ids(job.nodes)).toEqual(['ds-clicks', 'dv-clicks-r0', 'job-ingest', 'run-ingest-1', 'run-ingest-2']);
    expect(job.edges).toContainEqual({ from: 'run-ingest-1', to: 'dv-clicks-r0', type: 'READ' });
    // Mar 12: churn@8 (back-filled on Mar 20) unknown; churn-old's end (Feb 20) recorded only on Mar 15, so still serving.
    const r = await impact({ of: AMOUNT, servedOnly: true, knownAt: '2026-03-12T00:00:00Z' });
    expect(r.knownAt).toBe('2026-03-12T00:00:00.000Z');
    expect(ids(r.items.nodes.map((i: { node: Node }) => i.node))).toEqual(['dep-churn-canary', 'dep-churn-old', 'dep-churn-prod', 'fe-amount-7d', 'mv-churn-7']);
    expect(r.summary.servedDeployments).toEqual([
      { name: 'churn-canary', via: ['churn@7'] }, { name: 'churn-old', via: ['churn@7'] }, { name: 'churn-prod', via: ['churn@7'] }]);
    // Before v2 was recorded, v1's field is the only origin.
    expect(ids((await impact({ of: AMOUNT, knownAt: '2026-02-01T00:00:00Z' })).origins)).toEqual(['dv-events-1.amount']);
    const read = async (knownAt: string) => ids((await provenance({ of: CHURN_7, knownAt })).runs.flatMap((run: { read: Node[] }) => run.read));
    expect(await read('2026-03-03T00:00:00Z')).toEqual(['dv-clicks-r0']);
    expect(await read('2026-03-12T00:00:00Z')).toEqual(['dv-clicks-r1']);
    const cli = await modelgraph(['impact', '--model-version', 'churn@8', '--known-at', '2026-03-12T00:00:00Z', '--json'], env());
    expect(JSON.parse(cli.stdout).summary.servedDeployments).toEqual([]);
  });
});

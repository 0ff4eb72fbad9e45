import { useGraph } from './support/graph';

const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';
const T3 = '2024-03-01T00:00:00.000Z';
const DEPLOY = `mutation($target: DeploymentTargetInput!, $reason: String, $at: DateTimeISO, $d: String = "churn-prod") {
  deploy(deployment: $d, target: $target, reason: $reason, at: $at) { name retired } }`;
const SHIFT = `mutation($shares: [TrafficShareInput!]!, $reason: String, $at: DateTimeISO, $d: String = "churn-prod") {
  shiftTraffic(deployment: $d, shares: $shares, reason: $reason, at: $at) { name } }`;
const TARGET = '... on ModelVersion { version } ... on Ensemble { name }';
const SERVING = `query($asOf: DateTimeISO) { deployment(name: "churn-prod") { serving(asOf: $asOf) { target { ${TARGET} } trafficShare } } }`;
const mv = (version: string) => ({ modelVersion: { model: 'churn', version } });

describe('deployments and what they serve over time', () => {
  const graph = useGraph();
  const servesEdges = async () => (await graph.db.runAutoCommit('MATCH ()-[r:SERVES]->() RETURN count(r) AS n'))[0].n;
  const servingAt = async (asOf?: string) => (await graph.ok(SERVING, { asOf })).deployment.serving;

  /** Model versions as the graph contract stores them (made before the deploys at T1..T3), and an ensemble of the first one. */
  async function setUp() {
    await graph.db.runAutoCommit(`CREATE (m:Model {id: randomUUID(), name: 'churn', createdAt: datetime('2023-12-01T00:00:00Z')})
      WITH m UNWIND ['1', '2'] AS v
      CREATE (:ModelVersion {id: randomUUID(), modelId: m.id, version: v, tags: [], createdAt: m.createdAt})-[:VERSION_OF]->(m)`);
    await graph.ok(`mutation { upsertEnsemble(input: {name: "blend", members: [{modelVersion: {model: "churn", version: "1"}, weight: 1}], at: "${T1}"}) { id } }`);
    await graph.ok('mutation { upsertDeployment(input: {name: "churn-prod", environment: "prod", endpoint: "https://x/predict"}) { id } }');
  }

  it('deploys, shifts traffic and answers what was served at any time, with its history', async () => {
    await setUp();
    await graph.ok(DEPLOY, { target: mv('1'), reason: 'first release', at: T1 });
    await graph.ok(SHIFT, { shares: [{ target: mv('1'), share: 0.9 }, { target: { ensemble: 'blend' }, share: 0.1 }], reason: 'canary', at: T2 });
    await graph.ok(DEPLOY, { target: mv('2'), reason: 'promote v2', at: T3 });
    expect(await servingAt('2023-12-31T00:00:00Z')).toEqual([]);
    expect(await servingAt('2024-01-15T00:00:00Z')).toEqual([{ target: { version: '1' }, trafficShare: 1 }]);
    expect(await servingAt('2024-02-15T00:00:00Z')).toEqual([{ target: { version: '1' }, trafficShare: 0.9 }, { target: { name: 'blend' }, trafficShare: 0.1 }]);
    expect(await servingAt()).toEqual([{ target: { version: '2' }, trafficShare: 1 }]);
    const { deployment } = await graph.ok(`{ deployment(name: "churn-prod") { retired
      history { at reason serving { target { ${TARGET} } trafficShare from to } } } }`);
    expect(deployment.retired).toBe(false);
    expect(deployment.history.map((c: any) => [c.at, c.reason, c.serving.map((s: any) => [s.target.version ?? s.target.name, s.trafficShare])])).toEqual([
      [T1, 'first release', [['1', 1]]],
      [T2, 'canary', [['1', 0.9], ['blend', 0.1]]],
      [T3, 'promote v2', [['2', 1]]],
    ]);
    expect(deployment.history[1].serving[0]).toMatchObject({ from: T2, to: T3 });
    const { ensemble } = await graph.ok('{ ensemble(name: "blend") { deployments { name } members { modelVersion { version deployments { name } } } } }');
    expect(ensemble).toEqual({ deployments: [], members: [{ modelVersion: { version: '1', deployments: [] } }] });
    await graph.ok(SHIFT, { shares: [{ target: mv('2'), share: 0.5 }, { target: { ensemble: 'blend' }, share: 0.5 }] });
    const now = await graph.ok('{ ensemble(name: "blend") { deployments { name } } }');
    expect(now.ensemble.deployments).toEqual([{ name: 'churn-prod' }]);
  });

  it('records nothing when asked to serve what it serves already', async () => {
    await setUp();
    await graph.ok(DEPLOY, { target: mv('1'), at: T1 });
    const edges = await servesEdges();
    await graph.ok(DEPLOY, { target: mv('1'), at: T1 });
    await graph.ok(SHIFT, { shares: [{ target: mv('1'), share: 1 }] });
    expect(await servesEdges()).toBe(edges);
  });

  it('undeploys: closes all serving, retires the deployment and refuses further changes', async () => {
    await setUp();
    await graph.ok(DEPLOY, { target: mv('1'), at: T1 });
    const { undeploy } = await graph.ok(`mutation { undeploy(deployment: "churn-prod", reason: "sunset", at: "${T2}") { retired retiredAt } }`);
    expect(undeploy).toEqual({ retired: true, retiredAt: T2 });
    await graph.ok('mutation { undeploy(deployment: "churn-prod") { retired } }'); // again: no change
    expect(await servingAt()).toEqual([]);
    expect(await servingAt('2024-01-15T00:00:00Z')).toEqual([{ target: { version: '1' }, trafficShare: 1 }]);
    const { deployment } = await graph.ok('{ deployment(name: "churn-prod") { history { at reason serving { trafficShare } } } }');
    expect(deployment.history).toEqual([{ at: T1, reason: null, serving: [{ trafficShare: 1 }] }, { at: T2, reason: 'sunset', serving: [] }]);
    const again = await graph.gql(DEPLOY, { target: mv('2') });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'deployment' });
  });

  it('rejects invalid changes and missing targets, leaving the previous serving intact', async () => {
    await setUp();
    await graph.ok(DEPLOY, { target: mv('1'), at: T2 });
    const [nodes, edges] = [await graph.countNodes(), await servesEdges()];
    const cases: [string, Record<string, unknown>, string, string][] = [
      [SHIFT, { shares: [{ target: mv('1'), share: 0.5 }, { target: mv('2'), share: 0.4 }] }, 'BAD_USER_INPUT', 'shares'],
      [SHIFT, { shares: [{ target: mv('1'), share: 0 }, { target: mv('2'), share: 1 }] }, 'BAD_USER_INPUT', 'shares[0].share'],
      [SHIFT, { shares: [{ target: mv('1'), share: 1.5 }, { target: mv('2'), share: -0.5 }] }, 'BAD_USER_INPUT', 'shares[0].share'],
      [SHIFT, { shares: [] }, 'BAD_USER_INPUT', 'shares'],
      [SHIFT, { shares: [{ target: mv('1'), share: 0.5 }, { target: mv('1'), share: 0.5 }] }, 'BAD_USER_INPUT', 'shares'],
      [SHIFT, { shares: [{ target: { ...mv('1'), ensemble: 'blend' }, share: 1 }] }, 'BAD_USER_INPUT', 'shares[0].target'],
      [SHIFT, { shares: [{ target: {}, share: 1 }] }, 'BAD_USER_INPUT', 'shares[0].target'],
      [SHIFT, { shares: [{ target: mv('2'), share: 0.5 }, { target: mv('9'), share: 0.5 }] }, 'NOT_FOUND', 'shares[1].target.modelVersion'],
      [SHIFT, { shares: [{ target: mv('2'), share: 0.5 }, { target: { ensemble: 'nope' }, share: 0.5 }] }, 'NOT_FOUND', 'shares[1].target.ensemble'],
      [SHIFT, { shares: [{ target: mv('2'), share: 1 }], at: T1 }, 'BAD_USER_INPUT', 'at'],
      [SHIFT, { shares: [{ target: mv('2'), share: 1 }], d: 'nope' }, 'NOT_FOUND', 'deployment'],
      [DEPLOY, { target: { ensemble: 'nope' } }, 'NOT_FOUND', 'target.ensemble'],
      [DEPLOY, { target: { modelVersion: { model: 'churn' } } }, 'BAD_USER_INPUT', 'target.modelVersion'],
      [DEPLOY, { target: mv('2'), reason: 'x'.repeat(20_000) }, 'BAD_USER_INPUT', 'reason'],
    ];
    for (const [mutation, vars, code, field] of cases) {
      const result = await graph.gql(mutation, vars);
      expect({ field, ext: result.errors?.[0].extensions }).toMatchObject({ field, ext: { code, field } });
    }
    const bad = await graph.gql('mutation { upsertDeployment(input: {name: "x", environment: ""}) { id } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.environment' });
    expect([await graph.countNodes(), await servesEdges()]).toEqual([nodes, edges]);
    expect(await servingAt()).toEqual([{ target: { version: '1' }, trafficShare: 1 }]);
  });

  it('lists deployments by environment and loads their relationships with a constant number of statements', async () => {
    await setUp();
    const q = `{ deployments(filter: {environment: "prod"}) { nodes { name serving { target { ${TARGET} ... on ModelVersion { deployments { name } ensembles { name } }
      ... on Ensemble { deployments { name } members { weight } } } } history { at } } } }`;
    await graph.ok(DEPLOY, { target: mv('1') });
    const one = await graph.gql(q);
    for (const name of ['a', 'b', 'c']) {
      await graph.ok(`mutation { upsertDeployment(input: {name: "${name}", environment: "prod"}) { id } }`);
      await graph.ok(SHIFT, { d: name, shares: [{ target: mv('2'), share: 0.25 }, { target: { ensemble: 'blend' }, share: 0.75 }] });
    }
    await graph.ok('mutation { upsertDeployment(input: {name: "staging-1", environment: "staging"}) { id } }');
    const four = await graph.gql(q);
    expect(four.data.deployments.nodes.map((d: { name: string }) => d.name)).toEqual(['a', 'b', 'c', 'churn-prod']);
    expect(four.data.deployments.nodes[0].serving[0]).toEqual({ target: { name: 'blend', deployments: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], members: [{ weight: 1 }] } });
    expect(four.statements).toBe(one.statements + 2); // the ensemble's two loaders join in; nothing grows per row
  });
});

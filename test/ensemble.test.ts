import { useGraph } from './support/graph';

const UPSERT = `mutation($input: UpsertEnsembleInput!) { upsertEnsemble(input: $input) { id name description } }`;
const SET = `mutation($members: [EnsembleMemberInput!]!, $reason: String, $at: DateTimeISO) {
  setEnsembleMembers(ensemble: "churn-blend", members: $members, reason: $reason, at: $at) { name }
}`;
const MEMBERS = `query($asOf: DateTimeISO) { ensemble(name: "churn-blend") {
  members(asOf: $asOf) { modelVersion { version } weight from to }
} }`;

const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';
const mv = (version: string) => ({ model: 'churn', version });
const member = (version: string, weight: number) => ({ modelVersion: mv(version), weight });

describe('ensembles and their membership over time', () => {
  const graph = useGraph();

  /** Model versions as the model module stores them (graph contract), so this test does not depend on it. */
  async function modelVersions(...versions: string[]) {
    await graph.db.runAutoCommit(`MERGE (m:Model {name: 'churn'}) ON CREATE SET m.id = randomUUID(), m.createdAt = datetime()
      WITH m UNWIND $versions AS v
      CREATE (:ModelVersion {id: randomUUID(), modelId: m.id, version: v, tags: [], createdAt: datetime()})-[:VERSION_OF]->(m)`, { versions });
  }
  const memberEdges = async () => (await graph.db.runAutoCommit('MATCH ()-[r:MEMBER]->() RETURN count(r) AS n'))[0].n;
  const versionsOf = (members: { modelVersion: { version: string }; weight: number }[]) => members.map((m) => [m.modelVersion.version, m.weight]);

  it('creates an ensemble with weighted members that know their ensembles', async () => {
    await modelVersions('1', '2');
    const { upsertEnsemble } = await graph.ok(UPSERT, { input: { name: 'churn-blend', description: 'avg', members: [member('1', 0.7), member('2', 0.3)] } });
    expect(upsertEnsemble).toMatchObject({ name: 'churn-blend', description: 'avg' });
    const { ensemble } = await graph.ok(`{ ensemble(name: "churn-blend") { members { weight to modelVersion { version ensembles { name } } } } }`);
    expect(ensemble.members).toEqual([
      { weight: 0.7, to: null, modelVersion: { version: '1', ensembles: [{ name: 'churn-blend' }] } },
      { weight: 0.3, to: null, modelVersion: { version: '2', ensembles: [{ name: 'churn-blend' }] } },
    ]);
    const { ensembles } = await graph.ok('{ ensembles(filter: {nameContains: "BLEND"}) { nodes { name } } }');
    expect(ensembles.nodes).toEqual([{ name: 'churn-blend' }]);
  });

  it('closes changed members, keeps unchanged ones open, and answers membership as of a past time', async () => {
    await modelVersions('1', '2', '3');
    await graph.ok(UPSERT, { input: { name: 'churn-blend', members: [member('1', 0.5), member('2', 0.5)], at: T1 } });
    await graph.ok(SET, { members: [member('1', 0.5), member('2', 0.25), member('3', 0.25)], reason: 'add v3', at: T2 });
    const jan = await graph.ok(MEMBERS, { asOf: '2024-01-15T00:00:00Z' });
    expect(versionsOf(jan.ensemble.members)).toEqual([['1', 0.5], ['2', 0.5]]);
    const now = await graph.ok(MEMBERS, {});
    expect(versionsOf(now.ensemble.members)).toEqual([['1', 0.5], ['2', 0.25], ['3', 0.25]]);
    expect(now.ensemble.members[0].from).toBe(T1); // unchanged member: the same open edge
    const before = await graph.ok(MEMBERS, { asOf: '2023-01-01T00:00:00Z' });
    expect(before.ensemble.members).toEqual([]);
    const { ensemble } = await graph.ok('{ ensemble(name: "churn-blend") { memberHistory { modelVersion { version } weight from to reason } } }');
    expect(ensemble.memberHistory).toEqual([
      { modelVersion: { version: '1' }, weight: 0.5, from: T1, to: null, reason: null },
      { modelVersion: { version: '2' }, weight: 0.5, from: T1, to: T2, reason: null },
      { modelVersion: { version: '2' }, weight: 0.25, from: T2, to: null, reason: 'add v3' },
      { modelVersion: { version: '3' }, weight: 0.25, from: T2, to: null, reason: 'add v3' },
    ]);
    await graph.ok(SET, { members: [member('3', 1)], reason: 'v3 only' });
    const { ensemble: after } = await graph.ok(`{ ensemble(name: "churn-blend") { members { modelVersion { version } } } }`);
    expect(after.members).toEqual([{ modelVersion: { version: '3' } }]);
  });

  it('records nothing when the same membership is set again', async () => {
    await modelVersions('1', '2');
    const input = { name: 'churn-blend', members: [member('1', 0.6), member('2', 0.4)], at: T1 };
    await graph.ok(UPSERT, { input });
    const [nodes, edges] = [await graph.countNodes(), await memberEdges()];
    await graph.ok(UPSERT, { input });
    await graph.ok(SET, { members: [member('2', 0.4), member('1', 0.6)] });
    expect([await graph.countNodes(), await memberEdges()]).toEqual([nodes, edges]);
  });

  it('rejects bad weights, unknown versions and out-of-order times, writing nothing', async () => {
    await modelVersions('1', '2');
    await graph.ok(UPSERT, { input: { name: 'churn-blend', members: [member('1', 1)], at: T2 } });
    const [nodes, edges] = [await graph.countNodes(), await memberEdges()];
    const setCases: [Record<string, unknown>, string, string][] = [
      [{ members: [member('1', 0.5), member('2', 0.4)] }, 'BAD_USER_INPUT', 'members'],
      [{ members: [member('1', 0), member('2', 1)] }, 'BAD_USER_INPUT', 'members[0].weight'],
      [{ members: [member('1', 1.5), member('2', -0.5)] }, 'BAD_USER_INPUT', 'members[0].weight'],
      [{ members: [] }, 'BAD_USER_INPUT', 'members'],
      [{ members: [member('1', 0.5), member('1', 0.5)] }, 'BAD_USER_INPUT', 'members'],
      [{ members: [member('1', 0.5), { modelVersion: { model: 'churn' }, weight: 0.5 }] }, 'BAD_USER_INPUT', 'members[1].modelVersion'],
      [{ members: [member('1', 0.5), member('9', 0.5)] }, 'NOT_FOUND', 'members[1].modelVersion'],
      [{ members: [member('2', 1)], at: T1 }, 'BAD_USER_INPUT', 'at'],
      [{ members: [member('2', 1)], at: '2999-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'at'],
    ];
    for (const [vars, code, field] of setCases) {
      const result = await graph.gql(SET, vars);
      expect({ field, ext: result.errors?.[0].extensions }).toMatchObject({ field, ext: { code, field } });
    }
    const upsertCases: [Record<string, unknown>, string, string][] = [
      [{ name: '', members: [member('1', 1)] }, 'BAD_USER_INPUT', 'input.name'],
      [{ name: 'new-blend', members: [member('1', 0.5), member('9', 0.5)] }, 'NOT_FOUND', 'input.members[1].modelVersion'],
      [{ name: 'new-blend', members: [member('1', 0.2)] }, 'BAD_USER_INPUT', 'input.members'],
    ];
    for (const [input, code, field] of upsertCases) {
      const result = await graph.gql(UPSERT, { input });
      expect({ field, ext: result.errors?.[0].extensions }).toMatchObject({ field, ext: { code, field } });
    }
    expect([await graph.countNodes(), await memberEdges()]).toEqual([nodes, edges]);
    const missing = await graph.gql('mutation { setEnsembleMembers(ensemble: "nope", members: [{modelVersion: {model: "churn", version: "1"}, weight: 1}]) { id } }');
    expect(missing.errors?.[0]).toMatchObject({ message: "Ensemble 'nope' not found.", extensions: { code: 'NOT_FOUND' } });
  });
});

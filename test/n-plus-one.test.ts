import { useGraph } from './support/graph';

/**
 * Every relationship field goes through a per-request DataLoader, so the number of Cypher
 * statements a list query sends depends on the query's shape, not on how many rows it lists.
 * Measured with the x-cypher-statements header the service sets on every response.
 */
const LIST = `query($model: String!) {
  modelByName(name: $model) {
    versions {
      version
      trainingData { role datasetVersion { version dataset { name } fields { name } } }
      features { importance feature { name derivedFrom { name } } }
      deployments { name environment }
      ensembles { name }
      producedBy { runId }
      aliases
      source { description deletedAt }
    }
  }
}`;

describe('list queries do not send one statement per row (N+1)', () => {
  const graph = useGraph();

  /**
   * A model with n versions, each trained on its own dataset version, using two features, served
   * by its own deployment. Built with one UNWIND statement (this test is about the read path;
   * the mutations have their own tests), following docs/graph-model.md.
   */
  async function buildModel(model: string, n: number): Promise<void> {
    await graph.db.runAutoCommit(`
      MERGE (src:Dataset {namespace: 'n1', name: 'src'}) ON CREATE SET src.id = randomUUID(), src.createdAt = datetime(), src.updatedAt = datetime()
      MERGE (sv:DatasetVersion {datasetId: src.id, version: 'v1'}) ON CREATE SET sv.id = randomUUID(), sv.createdAt = datetime()
      MERGE (sv)-[:VERSION_OF]->(src)
      WITH sv
      UNWIND ['a', 'b'] AS fieldName
      MERGE (f:Field {datasetVersionId: sv.id, name: fieldName}) ON CREATE SET f.id = randomUUID(), f.position = 0
      MERGE (sv)-[:HAS_FIELD]->(f)
      MERGE (fe:Feature {namespace: 'n1', name: 'f' + fieldName}) ON CREATE SET fe.id = randomUUID(), fe.createdAt = datetime()
      MERGE (fe)-[:DERIVED_FROM]->(f)`);
    await graph.db.runAutoCommit(`
      CREATE (m:Model {id: randomUUID(), name: $model, createdAt: datetime()})
      CREATE (d:Dataset {id: randomUUID(), namespace: 'n1', name: 'train-' + $model, createdAt: datetime(), updatedAt: datetime()})
      WITH m, d
      UNWIND range(0, $n - 1) AS i
      CREATE (dv:DatasetVersion {id: randomUUID(), datasetId: d.id, version: 'v' + i, createdAt: datetime()})-[:VERSION_OF]->(d)
      CREATE (dv)-[:HAS_FIELD]->(:Field {id: randomUUID(), datasetVersionId: dv.id, name: 'x', position: 0})
      CREATE (mv:ModelVersion {id: randomUUID(), modelId: m.id, version: toString(i), tags: [], createdAt: datetime() + duration({seconds: i})})-[:VERSION_OF]->(m)
      CREATE (mv)-[:TRAINED_ON {role: 'TRAIN'}]->(dv)
      CREATE (dep:Deployment {id: randomUUID(), name: $model + '-dep-' + i, environment: 'prod', createdAt: datetime()})
      CREATE (dep)-[:SERVES {trafficShare: 1.0, from: datetime(), to: null}]->(mv)
      WITH mv
      MATCH (fa:Feature {namespace: 'n1', name: 'fa'}), (fb:Feature {namespace: 'n1', name: 'fb'})
      CREATE (mv)-[:USES_FEATURE {importance: 0.7}]->(fa)
      CREATE (mv)-[:USES_FEATURE {importance: 0.3}]->(fb)`, { model, n });
  }

  it('sends the same number of statements for 10 and for 100 model versions', async () => {
    await buildModel('small', 10);
    await buildModel('large', 100);
    const small = await graph.gql(LIST, { model: 'small' });
    const large = await graph.gql(LIST, { model: 'large' });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.modelByName.versions).toHaveLength(100);
    expect(large.data.modelByName.versions[0].trainingData[0].datasetVersion.fields).toEqual([{ name: 'x' }]);
    expect(large.data.modelByName.versions[0].deployments).toHaveLength(1);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  /** Lists read at two page sizes over one graph: the statement count must not follow the page size. */
  async function atPageSizes(query: string, sizes: number[]) {
    const results = [];
    for (const first of sizes) {
      const result = await graph.gql(query, { first });
      expect(result.errors).toBeUndefined();
      results.push({ nodes: (Object.values(result.data)[0] as { nodes: any[] }).nodes, statements: result.statements });
    }
    return results;
  }

  it('sends the same number of statements for 10 and for 100 datasets with their versions and fields', async () => {
    await graph.db.runAutoCommit(`
      UNWIND range(0, $n - 1) AS i
      CREATE (d:Dataset {id: randomUUID(), namespace: 'n1', name: 'ds-' + right('00' + i, 3), createdAt: datetime(), updatedAt: datetime()})
      WITH d UNWIND [1, 2] AS v
      CREATE (dv:DatasetVersion {id: randomUUID(), datasetId: d.id, version: 'v' + v, rowCount: 10 * v,
                                 createdAt: datetime() - duration({hours: 3 - v})})-[:VERSION_OF]->(d)
      WITH dv UNWIND ['a', 'b'] AS name
      CREATE (dv)-[:HAS_FIELD]->(:Field {id: randomUUID(), datasetVersionId: dv.id, name: name, type: 'string', position: 0})`, { n: 110 });
    const query = `query($first: Int!) { datasets(page: {first: $first}) { nodes { namespace name currentVersion { version }
      versions { version rowCount fields { name type } } } } }`;
    const [small, large] = await atPageSizes(query, [10, 100]);
    expect(large.nodes).toHaveLength(100);
    expect(large.nodes[99]).toMatchObject({ name: 'ds-099', currentVersion: { version: 'v2' } });
    expect(large.nodes[99].versions.map((v: any) => [v.version, v.fields.length])).toEqual([['v2', 2], ['v1', 2]]);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  it('sends the same number of statements for 10 and for 100 deployments with what they serve', async () => {
    // Even deployments serve a model version, odd ones an ensemble of two versions; each its own model.
    await graph.db.runAutoCommit(`
      UNWIND range(0, $n - 1) AS i
      CREATE (m:Model {id: randomUUID(), name: 'model-' + i, createdAt: datetime()})
      CREATE (v1:ModelVersion {id: randomUUID(), modelId: m.id, version: '1', tags: [], createdAt: datetime()})-[:VERSION_OF]->(m)
      CREATE (v2:ModelVersion {id: randomUUID(), modelId: m.id, version: '2', tags: [], createdAt: datetime()})-[:VERSION_OF]->(m)
      CREATE (dep:Deployment {id: randomUUID(), name: 'dep-' + right('00' + i, 3), environment: 'prod', createdAt: datetime()})
      WITH i, dep, v1, v2, datetime() - duration('PT1H') AS since
      FOREACH (_ IN CASE WHEN i % 2 = 0 THEN [1] ELSE [] END |
        CREATE (dep)-[:SERVES {trafficShare: 1.0, from: since, to: null}]->(v1))
      FOREACH (_ IN CASE WHEN i % 2 = 1 THEN [1] ELSE [] END |
        CREATE (e:Ensemble {id: randomUUID(), name: 'ens-' + i, createdAt: since})
        CREATE (dep)-[:SERVES {trafficShare: 1.0, from: since, to: null}]->(e)
        CREATE (e)-[:MEMBER {weight: 0.5, from: since, to: null}]->(v1)
        CREATE (e)-[:MEMBER {weight: 0.5, from: since, to: null}]->(v2))`, { n: 110 });
    const query = `query($first: Int!) { deployments(page: {first: $first}) { nodes { name environment retired
      serving { trafficShare target { ... on ModelVersion { version model { name } }
        ... on Ensemble { name members { weight modelVersion { version model { name } } } } } } } } }`;
    const [small, large] = await atPageSizes(query, [10, 100]);
    expect(large.nodes).toHaveLength(100);
    expect(large.nodes[98].serving).toEqual([{ trafficShare: 1, target: { version: '1', model: { name: 'model-98' } } }]);
    expect(large.nodes[99].serving[0].target.members.map((m: any) => [m.modelVersion.model.name, m.weight])).toEqual([['model-99', 0.5], ['model-99', 0.5]]);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });
});

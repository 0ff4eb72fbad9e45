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
});

import { useGraph } from './support/graph';

/*
 * JavaScript has one number type; Neo4j has INTEGER and FLOAT. Parameters declared `Integer` in
 * a .cypher file are stored as integers, every other number as a float, whatever its value: a
 * share of 1 is the float 1.0 like a share of 0.5, a position of 0 the integer 0.
 */
describe('numbers are stored as the type their property holds', () => {
  const graph = useGraph();
  const typeOf = async (match: string) => (await graph.db.runAutoCommit(`${match} RETURN collect(DISTINCT valueType(x)) AS types`))[0].types;

  it('integers: row counts, field positions, metric timestamps; floats: shares, weights, importances, metric values', async () => {
    await graph.ok('mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
      i: { namespace: 'warehouse', name: 'orders', version: 'd1', rowCount: 100, fields: [{ name: 'id' }, { name: 'amount' }] },
    });
    await graph.ok('mutation { upsertFeature(input: { namespace: "fraud", name: "amount_avg" }) { id } }');
    const { registerModelVersion: mv } = await graph.ok(`mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) { id } }`, {
      input: { model: 'fraud', version: 'v1', features: [{ feature: { namespace: 'fraud', name: 'amount_avg' }, importance: 1 }] },
    });
    await graph.ok('mutation { upsertEnsemble(input: {name: "blend", members: [{modelVersion: {model: "fraud", version: "v1"}, weight: 1}]}) { id } }');
    await graph.ok('mutation { upsertDeployment(input: {name: "fraud-prod", environment: "prod"}) { id } }');
    await graph.ok('mutation { deploy(deployment: "fraud-prod", target: {modelVersion: {model: "fraud", version: "v1"}}) { name } }');
    await graph.ok('mutation($points: [MetricPointInput!]!) { recordMetrics(points: $points) { points } }', {
      points: [1, 2.5].map((value, i) => ({ target: { modelVersion: mv.id }, name: 'accuracy', value, timestamp: `2026-01-05T10:0${i}:00Z` })),
    });

    expect(await typeOf('MATCH (v:DatasetVersion) WITH v.rowCount AS x')).toEqual(['INTEGER NOT NULL']);
    expect(await typeOf('MATCH (f:Field) WITH f.position AS x')).toEqual(['INTEGER NOT NULL']);
    expect(await typeOf('MATCH (b:MetricBucket) UNWIND b.points AS x')).toEqual(['INTEGER NOT NULL']);
    expect(await typeOf('MATCH (b:MetricBucket) WITH b.count AS x')).toEqual(['INTEGER NOT NULL']);
    expect(await typeOf('MATCH ()-[s:SERVES]->() WITH s.trafficShare AS x')).toEqual(['FLOAT NOT NULL']);
    expect(await typeOf('MATCH ()-[m:MEMBER]->() WITH m.weight AS x')).toEqual(['FLOAT NOT NULL']);
    expect(await typeOf('MATCH ()-[u:USES_FEATURE]->() WITH u.importance AS x')).toEqual(['FLOAT NOT NULL']);
    expect(await typeOf('MATCH (b:MetricBucket) UNWIND b.values AS x')).toEqual(['FLOAT NOT NULL']);
    expect(await typeOf('MATCH (b:MetricBucket) WITH b.sum AS x')).toEqual(['FLOAT NOT NULL']);
  });

  it('OpenLineage ingestion stores row counts and field positions as integers', async () => {
    const res = await fetch(`${graph.url}/api/v1/lineage`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        eventType: 'COMPLETE', eventTime: '2026-01-05T10:00:00Z', producer: 'https://example.com/test',
        schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
        run: { runId: '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }, job: { namespace: 'etl', name: 'load_orders' },
        outputs: [{
          namespace: 'pg', name: 'clean.orders',
          facets: { schema: { _producer: 'https://example.com/test', _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json', fields: [{ name: 'id', type: 'INT' }] } },
          outputFacets: { outputStatistics: { _producer: 'https://example.com/test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json', rowCount: 7 } },
        }],
      }),
    });
    expect(res.status).toBe(201);
    expect(await typeOf('MATCH (v:DatasetVersion) WITH v.rowCount AS x')).toEqual(['INTEGER NOT NULL']);
    expect(await typeOf('MATCH (f:Field) WITH f.position AS x')).toEqual(['INTEGER NOT NULL']);
  });
});

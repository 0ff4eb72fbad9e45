import { Db } from '../src/db/db';

/**
 * The metric targets the metrics tests need, written with raw Cypher following docs/graph-model.md
 * (so these tests do not depend on the model, deployment and ensemble modules):
 *   dataset warehouse/orders: v1 (Jan 1), v2 (Jan 20), v3 (Mar 1); model churn: v1 (Jan 2, offline
 *   accuracy 0.8, trained on orders v1), v2 (Jan 10, offline 0.85), v3 (Jan 15, no metrics);
 *   deployment churn-prod serves v1 Jan 3–11, then v2; alias champion on v1 Jan 3–11, then v2;
 *   ensemble churn-blend of v2 and v3, served by blend-prod from Jan 16.
 */
export interface ModelGraph { versions: string[]; datasetVersions: string[] }

const SETUP = `
CREATE (d:Dataset {id: randomUUID(), namespace: 'warehouse', name: 'orders', createdAt: datetime('2026-01-01T00:00Z')})
CREATE (dv1:DatasetVersion {id: randomUUID(), version: 'v1', createdAt: datetime('2026-01-01T00:00Z')})-[:VERSION_OF]->(d)
CREATE (dv2:DatasetVersion {id: randomUUID(), version: 'v2', createdAt: datetime('2026-01-20T00:00Z')})-[:VERSION_OF]->(d)
CREATE (dv3:DatasetVersion {id: randomUUID(), version: 'v3', createdAt: datetime('2026-03-01T00:00Z')})-[:VERSION_OF]->(d)
SET dv1.datasetId = d.id, dv2.datasetId = d.id, dv3.datasetId = d.id
CREATE (m:Model {id: randomUUID(), name: 'churn', createdAt: datetime('2026-01-02T00:00Z')})
CREATE (v1:ModelVersion {id: randomUUID(), version: 'v1', tags: [], metrics: '{"accuracy":0.8}', createdAt: datetime('2026-01-02T00:00Z')})-[:VERSION_OF]->(m)
CREATE (v2:ModelVersion {id: randomUUID(), version: 'v2', tags: [], metrics: '{"accuracy":0.85,"note":"x"}', createdAt: datetime('2026-01-10T00:00Z')})-[:VERSION_OF]->(m)
CREATE (v3:ModelVersion {id: randomUUID(), version: 'v3', tags: [], createdAt: datetime('2026-01-15T00:00Z')})-[:VERSION_OF]->(m)
SET v1.modelId = m.id, v2.modelId = m.id, v3.modelId = m.id
CREATE (v1)-[:TRAINED_ON {role: 'TRAIN'}]->(dv1)
CREATE (dep:Deployment {id: randomUUID(), name: 'churn-prod', environment: 'prod', createdAt: datetime('2026-01-03T00:00Z')})
CREATE (dep)-[:SERVES {trafficShare: 1.0, from: datetime('2026-01-03T00:00Z'), to: datetime('2026-01-11T00:00Z')}]->(v1)
CREATE (dep)-[:SERVES {trafficShare: 1.0, from: datetime('2026-01-11T00:00Z')}]->(v2)
CREATE (m)-[:ALIAS {name: 'champion', from: datetime('2026-01-03T00:00Z'), to: datetime('2026-01-11T00:00Z')}]->(v1)
CREATE (m)-[:ALIAS {name: 'champion', from: datetime('2026-01-11T00:00Z')}]->(v2)
CREATE (e:Ensemble {id: randomUUID(), name: 'churn-blend', createdAt: datetime('2026-01-16T00:00Z')})
CREATE (e)-[:MEMBER {weight: 0.5, from: datetime('2026-01-16T00:00Z')}]->(v2)
CREATE (e)-[:MEMBER {weight: 0.5, from: datetime('2026-01-16T00:00Z')}]->(v3)
CREATE (bp:Deployment {id: randomUUID(), name: 'blend-prod', environment: 'prod', createdAt: datetime('2026-01-16T00:00Z')})
CREATE (bp)-[:SERVES {trafficShare: 1.0, from: datetime('2026-01-16T00:00Z')}]->(e)
RETURN [v1.id, v2.id, v3.id] AS versions, [dv1.id, dv2.id, dv3.id] AS datasetVersions`;

export async function createModelGraph(db: Db): Promise<ModelGraph> {
  const [row] = await db.runAutoCommit(SETUP);
  return row as unknown as ModelGraph;
}

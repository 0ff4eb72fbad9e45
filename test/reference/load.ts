import { Db } from '../../src/db/db';
import { NODE_TYPES, NodeType } from '../../src/graph/node-types';
import { History, HNode, HRel, Index } from './history';

/**
 * Writes a history to Neo4j as the graph model stores it (docs/graph-model.md: labels, natural keys
 * of V001, every property explicit), straight with Cypher: one UNWIND statement per label and per
 * relationship type and end labels. The comparison so tests the traversals, not the mutations.
 */
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

const NODE_STATEMENTS: Record<NodeType, string> = {
  DATASET: 'CREATE (:Dataset {id: r.id, namespace: r.namespace, name: r.name, createdAt: r.createdAt, recordedAt: r.recordedAt, updatedAt: r.createdAt})',
  DATASET_VERSION: 'CREATE (:DatasetVersion {id: r.id, datasetId: r.parent, version: r.version, contentHash: r.id, createdAt: r.createdAt, recordedAt: r.recordedAt})',
  FIELD: "CREATE (:Field {id: r.id, datasetVersionId: r.parent, name: r.name, type: 'string', position: 0, createdAt: r.createdAt, recordedAt: r.recordedAt})",
  FEATURE: "CREATE (:Feature {id: r.id, namespace: r.namespace, name: r.name, transformation: 'sum', createdAt: r.createdAt, recordedAt: r.recordedAt})",
  JOB: 'CREATE (:Job {id: r.id, namespace: r.namespace, name: r.name, createdAt: r.createdAt, recordedAt: r.recordedAt, updatedAt: r.createdAt})',
  RUN: "CREATE (:Run {id: r.id, runId: r.id, jobId: r.parent, state: 'COMPLETE', startedAt: r.createdAt, endedAt: r.createdAt, createdAt: r.createdAt, recordedAt: r.recordedAt})",
  MODEL: 'CREATE (:Model {id: r.id, name: r.name, createdAt: r.createdAt, recordedAt: r.recordedAt})',
  MODEL_VERSION: 'CREATE (:ModelVersion {id: r.id, modelId: r.parent, version: r.version, contentHash: r.id, tags: [], createdAt: r.createdAt, recordedAt: r.recordedAt})',
  ENSEMBLE: 'CREATE (:Ensemble {id: r.id, name: r.name, createdAt: r.createdAt, recordedAt: r.recordedAt})',
  DEPLOYMENT: "CREATE (:Deployment {id: r.id, name: r.name, environment: r.environment, endpoint: 'https://' + r.name, createdAt: r.createdAt, recordedAt: r.recordedAt})",
};

const REL_PROPERTIES = '{recordedAt: r.recordedAt, retractedAt: r.retractedAt, from: r.from, to: r.to, toRecordedAt: r.toRecordedAt, ' +
  'trafficShare: r.trafficShare, weight: r.weight, role: r.role, importance: r.importance}';

export async function loadHistory(db: Db, history: History): Promise<void> {
  const g = new Index(history);
  for (const type of Object.values(NodeType)) {
    const rows = history.nodes.filter((n) => n.type === type).map(nodeRow);
    if (rows.length) await db.runAutoCommit(`UNWIND $rows AS r ${NODE_STATEMENTS[type]}`, { rows });
  }
  const groups = new Map<string, HRel[]>();
  for (const rel of history.rels) {
    const key = `${NODE_TYPES[g.node(rel.from).type].label} ${rel.type} ${NODE_TYPES[g.node(rel.to).type].label}`;
    groups.set(key, [...(groups.get(key) ?? []), rel]);
  }
  for (const [key, rels] of groups) {
    const [from, type, to] = key.split(' ');
    await db.runAutoCommit(
      `UNWIND $rows AS r MATCH (a:${from} {id: r.start}), (b:${to} {id: r.end}) CREATE (a)-[:${type} ${REL_PROPERTIES}]->(b)`,
      { rows: rels.map(relRow) },
    );
  }
}

function nodeRow(n: HNode) {
  return {
    id: n.id, namespace: n.namespace ?? null, name: n.name ?? null, version: n.version ?? null, parent: n.parent ?? null,
    environment: n.environment ?? null, createdAt: date(n.createdAt), recordedAt: date(n.recordedAt),
  };
}

function relRow(r: HRel) {
  return {
    start: r.from, end: r.to, recordedAt: date(r.recordedAt), retractedAt: date(r.retractedAt),
    from: date(r.interval?.from ?? null), to: date(r.interval?.to ?? null), toRecordedAt: date(r.interval?.toRecordedAt ?? null),
    trafficShare: r.trafficShare ?? null, weight: r.weight ?? null, role: r.role ?? null, importance: r.importance ?? null,
  };
}

import { Driver } from 'neo4j-driver';
import { countByLabel, countGraph } from './load';

/** The service's own ledger: a later build may add migrations to a kept graph, which is not lineage. */
const LEDGER = 'SchemaMigration';

/** What a graph description says the store holds, as restoreGeneratedGraph checks it. */
export interface GraphCounts {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
}

/**
 * Takes out what the service wrote since `since` so the graph is again the generated one: the
 * ingestion, metrics, outcomes and UI parts write through the service (OpenLineage runs and
 * datasets, metric series, ensembles, the UI's lineage, audit records...), and a graph kept with
 * --data must measure the same next time. What the service writes carries a `recordedAt` of the
 * moment it wrote (generated nodes have none, or a historical one set by a migration), or a label
 * the generated graph has none of (metric buckets, events, audit records, learners): such nodes
 * go, with their relationships, in batches; then relationships recorded since `since` (only if the
 * count still differs: it is a scan of them all). The counts must then be the description's
 * (nodes per label, relationships), else the run fails: measuring another graph than described is
 * worse than not measuring. `since` null: anything with a non-generated label or a recordedAt (for
 * a graph kept by a run that did not clean up).
 */
export async function restoreGeneratedGraph(driver: Driver, graph: GraphCounts, since: Date | null): Promise<{ deletedNodes: number; deletedRelationships: number }> {
  const kept = Object.entries(graph.byLabel).filter(([, n]) => n > 0).map(([label]) => label);
  const params = { kept, since: since?.toISOString() ?? null };
  const written = `(n.recordedAt IS NOT NULL AND ($since IS NULL OR n.recordedAt >= datetime($since))) OR NOT all(l IN labels(n) WHERE l IN $kept)`;
  // 500 nodes a transaction: a kept graph's ingestion jobs and outputs gather thousands of runs and
  // versions each, and 5,000 of them with their relationships outgrew Neo4j's transaction memory.
  const deletedNodes = await untilNoneLeft(driver, `MATCH (n) WHERE NOT n:${LEDGER} AND (${written})`, 'n', 'CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS', params);
  let deletedRelationships = 0;
  if ((await countGraph(driver)).relationships !== graph.relationships) {
    deletedRelationships = await untilNoneLeft(driver, 'MATCH ()-[r]->() WHERE r.recordedAt IS NOT NULL AND ($since IS NULL OR r.recordedAt >= datetime($since))',
      'r', 'CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS', params);
  }
  await checkCounts(driver, graph);
  return { deletedNodes, deletedRelationships };
}

/** Fails unless the store holds what the description says (the migration ledger aside). */
export async function checkCounts(driver: Driver, graph: GraphCounts): Promise<void> {
  const now = { ...(await countGraph(driver)), byLabel: await countByLabel(driver) };
  const labels = new Set([...Object.keys(graph.byLabel), ...Object.keys(now.byLabel)].filter((l) => l !== LEDGER));
  const differs = [...labels].filter((l) => (graph.byLabel[l] ?? 0) !== (now.byLabel[l] ?? 0)).map((l) => `${l} ${graph.byLabel[l] ?? 0} → ${now.byLabel[l] ?? 0}`);
  if (now.relationships !== graph.relationships) differs.push(`relationships ${graph.relationships} → ${now.relationships}`);
  if (differs.length) throw new Error(`the graph is not the generated one any more (described → in the store): ${differs.join(', ')}`);
}

/**
 * Deletes what `match` finds, at most PER_STATEMENT a statement, until a statement finds fewer: the
 * statement that wraps the inner transactions is bound by the launcher's 60 s transaction timeout.
 */
const PER_STATEMENT = 20_000;
async function untilNoneLeft(driver: Driver, match: string, variable: string, deleteInTransactions: string, params: Record<string, unknown>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await inBatches(driver, `${match} WITH ${variable} LIMIT ${PER_STATEMENT} ${deleteInTransactions} RETURN count(*) AS c`, params);
    deleted += n;
    if (n < PER_STATEMENT) return deleted;
  }
}

/** CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not a managed one. */
async function inBatches(driver: Driver, statement: string, params: Record<string, unknown>): Promise<number> {
  const session = driver.session();
  try {
    const result = await session.run(statement, params);
    return Number(result.records[0]?.get('c') ?? 0);
  } finally {
    await session.close();
  }
}

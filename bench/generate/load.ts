import { Driver } from 'neo4j-driver';
import { toNeo4j } from '../../src/db/convert';
import { integerPaths } from '../../src/db/query';

/** Time from the start of the generated history: every timestamp is base + offset, in order. */
export const BASE_TIME = Date.UTC(2025, 0, 1);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Sends rows to one UNWIND statement in chunks, each chunk one write transaction straight through
 * the driver (no service in between: loading is setup, not what is measured). `weight` says how
 * many nodes a row creates, so a chunk holds about `batch` nodes whatever the row shape.
 * `integers` are the row fields stored as integers (as in a .cypher file's Integer params, e.g.
 * `rowCount`, `fields[].position`); every other number is stored as a float, as the service does.
 */
export async function loadRows<T>(
  driver: Driver, statement: string, rows: Iterable<T>, batch: number, weight: (row: T) => number = () => 1, integers: readonly string[] = [],
): Promise<number> {
  const integersOfRows = integerPaths(integers.map((path) => `rows[].${path}`));
  let chunk: T[] = [];
  let size = 0;
  let sent = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const rowsParam = toNeo4j({ rows: chunk }, integersOfRows);
    await driver.executeQuery(statement, rowsParam as Record<string, unknown>, { routing: 'WRITE' });
    sent += chunk.length;
    chunk = [];
    size = 0;
  };
  for (const row of rows) {
    chunk.push(row);
    size += weight(row);
    if (size >= batch) await flush();
  }
  await flush();
  return sent;
}

/** The graph's size, from Neo4j's count store (instant). */
export async function countGraph(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS c');
  const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(nodes.records[0].get('c')), relationships: Number(rels.records[0].get('c')) };
}

/** Nodes per label, for the report (also from the count store). */
export async function countByLabel(driver: Driver): Promise<Record<string, number>> {
  const labels = await driver.executeQuery('CALL db.labels() YIELD label RETURN label ORDER BY label');
  const out: Record<string, number> = {};
  for (const r of labels.records) {
    const label = r.get('label') as string;
    const c = await driver.executeQuery(`MATCH (n:\`${label}\`) RETURN count(n) AS c`);
    out[label] = Number(c.records[0].get('c'));
  }
  return out;
}

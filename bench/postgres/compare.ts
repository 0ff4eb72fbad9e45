import { Driver } from 'neo4j-driver';
import { Client } from 'pg';
import { Origin, procedureClosure } from '../measure/service-traversal';
import { postgresClosure } from './closure';

export class ClosureMismatch extends Error {}

/**
 * The impact closure of each origin in both stores: the downstream procedure's reached nodes (no
 * node limit) and the PostgreSQL CTE's, as id sets. They must be the same set: a difference fails
 * the run, naming the ids only one side has. Answers each origin's size (nodes besides itself).
 */
export async function compareClosures(driver: Driver, pg: Client, origins: Origin[], depth: number): Promise<{ origin: Origin; reached: number }[]> {
  const sized = [];
  for (const origin of origins) {
    const inNeo4j = new Set(await procedureClosure(driver, origin, depth));
    const inPostgres = new Set(await postgresClosure(pg, origin.id, depth));
    const onlyNeo4j = [...inNeo4j].filter((id) => !inPostgres.has(id));
    const onlyPostgres = [...inPostgres].filter((id) => !inNeo4j.has(id));
    if (onlyNeo4j.length || onlyPostgres.length) {
      const list = (ids: string[]) => `${ids.length} (${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''})`;
      throw new ClosureMismatch(`the impact closure of ${origin.type} ${origin.id} differs: ${inNeo4j.size} nodes in Neo4j, ${inPostgres.size} in PostgreSQL; ` +
        `only in Neo4j: ${list(onlyNeo4j)}; only in PostgreSQL: ${list(onlyPostgres)}`);
    }
    sized.push({ origin, reached: inNeo4j.size - 1 });
  }
  return sized.sort((a, b) => a.reached - b.reached);
}

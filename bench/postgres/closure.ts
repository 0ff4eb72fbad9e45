import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../../src/common/paths';

const CLOSURE = fs.readFileSync(path.join(projectRoot, 'bench', 'postgres', 'impact-closure.sql'), 'utf8');

/**
 * The ids of everything downstream of `id` (itself included) within `depth` hops, by the recursive
 * CTE in impact-closure.sql; a named statement, so PostgreSQL plans it once per session as Neo4j
 * caches its plans.
 */
export async function postgresClosure(pg: Client, id: string, depth: number): Promise<string[]> {
  const result = await pg.query<{ id: string }>({ name: 'impact-closure', text: CLOSURE, values: [id, depth] });
  return result.rows.map((r) => r.id);
}

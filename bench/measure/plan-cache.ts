import { Driver } from 'neo4j-driver';

/** Cypher's own counts since Neo4j started (modelgraph.planCache): statements compiled, and of them replanned (stale statistics). */
export interface PlanCacheCounts { compiled: number; replanned: number }

/** The counts now; null where the modelgraph plugin is not installed (a server without its jar). */
export async function planCacheCounts(driver: Driver): Promise<PlanCacheCounts | null> {
  try {
    const { records } = await driver.executeQuery('CALL modelgraph.planCache() YIELD counting, compiled, replanned RETURN counting, compiled, replanned');
    const r = records[0];
    return r.get('counting') ? { compiled: Number(r.get('compiled')), replanned: Number(r.get('replanned')) } : null;
  } catch {
    return null;
  }
}

/** What was compiled between two readings (null when either is missing). */
export function compiledBetween(before: PlanCacheCounts | null, after: PlanCacheCounts | null): PlanCacheCounts | null {
  return before && after ? { compiled: after.compiled - before.compiled, replanned: after.replanned - before.replanned } : null;
}

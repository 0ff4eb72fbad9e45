import neo4j, { Driver } from 'neo4j-driver';
import { toNeo4j } from '../../src/db/convert';
import * as Q from '../../src/generated/cypher';
import { Query } from '../../src/db/query';
import { withoutCallerStack } from '../../src/db/db';
import { DEFAULT_TRAVERSAL_LIMITS } from '../../src/lineage/traversal-limits';
import { upstreamRowsOf } from '../../src/lineage/lineage.repository';

export type Direction = 'impact' | 'provenance';
export type Origin = { type: string; id: string };
export type Engine = 'procedures' | 'cypher';

/**
 * What the service sends for one operation, through the driver, all records consumed (and decoded,
 * where the service decodes them): with the procedures, impact is one statement that resolves the
 * origin and answers the page and summary in the store; otherwise resolve the origin, then the
 * traversal statement, in one read transaction. This is the one place that says which statement
 * that is. Answers the nodes reached (the origin's included).
 */
export async function rawTraversal(driver: Driver, direction: Direction, origin: Origin, engine?: Engine): Promise<number> {
  const procedures = (engine ?? (await serviceEngine(driver))) === 'procedures';
  if (direction === 'impact' && procedures) return impactInStore(driver, origin);
  const statement = statementFor(direction, procedures);
  const depth = direction === 'impact' ? DEFAULT_TRAVERSAL_LIMITS.defaultDepth : DEFAULT_TRAVERSAL_LIMITS.maxDepth;
  const decode = JSON_ROWS.get(statement);
  return readTraversal(driver, origin, statement, depth, DEFAULT_TRAVERSAL_LIMITS.maxNodes, (records) =>
    (decode ? decode(records[0].rows as string).length : records.length));
}

/** The procedures that hand their rows over as one JSON array, decoded as the service does: part of the floor. */
const JSON_ROWS = new Map<Query<unknown, unknown>, (json: string) => unknown[]>([
  [Q.lineageDownstreamProcedure, (json) => JSON.parse(json) as unknown[]],
  [Q.lineageUpstreamProcedure, upstreamRowsOf],
]);

function statementFor(direction: Direction, procedures: boolean) {
  if (direction === 'impact') return procedures ? Q.lineageDownstreamProcedure : Q.lineageDownstream;
  return procedures ? Q.lineageUpstreamProcedure : Q.lineageUpstream;
}

/** IMPACT_QUERY's statement with the procedures: summary.total reached nodes besides the origin, + 1. */
async function impactInStore(driver: Driver, origin: Origin): Promise<number> {
  const { defaultDepth: depth, defaultPaths: maxPaths, maxNodes } = DEFAULT_TRAVERSAL_LIMITS;
  const ref = { type: origin.type, id: origin.id, namespace: null, name: null, version: null, field: null, model: null };
  const records = await autoCommitRead(driver, Q.lineageImpactProcedure.text, toNeo4j({
    refs: [ref], asOf: null, knownAt: null, depth, maxNodes, maxPaths, servedOnly: false, types: [], after: null, first: 100,
  }, Q.lineageImpactProcedure.integers) as Record<string, unknown>);
  return (JSON.parse(records[0].get('json') as string) as { total: number }).total + 1;
}

/**
 * One statement as the service's Db.readOne sends it: an auto-commit read transaction, one round
 * trip (RUN and PULL together), every record consumed. The impact statement and the empty round
 * trip it is compared with (floors.ts) both go this way.
 */
export async function autoCommitRead(driver: Driver, text: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return (await withoutCallerStack(() => session.run(text, params))).records;
  } finally {
    await session.close();
  }
}

/**
 * The ids of every node the downstream procedure reaches from `origin` (itself included) within
 * `depth` hops, with no node limit: the set the PostgreSQL closure is checked against.
 */
export async function procedureClosure(driver: Driver, origin: Origin, depth: number): Promise<string[]> {
  return readTraversal(driver, origin, Q.lineageDownstreamProcedure, depth, 100_000_000, (records) =>
    (JSON.parse(records[0].rows as string) as { id: string }[]).map((row) => row.id));
}

async function readTraversal<T>(driver: Driver, origin: Origin, statement: Query<unknown, unknown>, depth: number, maxNodes: number,
  decode: (records: Record<string, unknown>[]) => T): Promise<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const resolved = await withoutCallerStack(() => tx.run(Q.graphResolveRefs.text, toNeo4j({
        refs: [{ type: origin.type, id: origin.id, namespace: null, name: null, version: null, field: null, model: null }], asOf: null, knownAt: null,
      }) as Record<string, unknown>));
      const elementId = resolved.records[0].get('elementId') as string;
      const rows = await withoutCallerStack(() => tx.run(statement.text,
        toNeo4j({ originElementIds: [elementId], asOf: null, knownAt: null, depth, maxNodes }, statement.integers) as Record<string, unknown>));
      return decode(rows.records.map((r) => r.toObject()));
    });
  } finally {
    await session.close();
  }
}

let detected: Promise<Engine> | undefined;

/** The engine the service picks (MODELGRAPH_TRAVERSAL=auto): the procedures where Neo4j has them. */
export function serviceEngine(driver: Driver): Promise<Engine> {
  detected ??= driver.executeQuery(Q.lineageProceduresInstalled.text).then((r) => (r.records[0]?.get('installed') ? 'procedures' : 'cypher'));
  return detected;
}

import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { toNeo4j } from '../../src/db/convert';
import * as Q from '../../src/generated/cypher';
import { DEFAULT_TRAVERSAL_LIMITS } from '../../src/lineage/traversal-limits';
import { GeneratedGraph } from '../generate';
import { gql } from '../http';
import { Random } from '../random';
import { Latency, timeRepeated } from '../stats';

/** What a UI's impact view asks for: the first 100 affected nodes with their paths, and the summary. */
export const IMPACT_QUERY = `query($type: NodeType!, $id: ID!) {
  impact(of: {type: $type, id: $id}, page: {first: 100}) {
    truncated origin { id label }
    summary { total byType { type count } servedDeployments { name environment via } }
    items { nodes { node { id type label } distance served serving { deployment trafficShare direct ensemble } paths { relationships nodes { id } } }
            pageInfo { hasNextPage endCursor } }
  }
}`;

/** A provenance report: everything the Provenance type has. */
export const PROVENANCE_QUERY = `query($type: NodeType!, $id: ID!) {
  provenance(of: {type: $type, id: $id}) {
    truncated origin { label }
    served { deployment { label } target { label } trafficShare }
    members { ensemble { label } modelVersion { label } weight }
    modelVersions { id label }
    training { modelVersion { id } datasetVersion { label } role }
    featureUses { feature { label } importance }
    features { label } fields { label }
    runs { runId job state codeVersion parameters startedAt read { label } wrote { label } produced { label } }
    datasetVersions { datasetVersion { label } raw } rawDatasets { label }
    edges { from to type }
  }
}`;

export type Direction = 'impact' | 'provenance';
export type Origin = { type: string; id: string };

export interface TraversalCase {
  operation: Direction;
  size: string;
  origin: Origin;
  /** Nodes reached besides the origin (downstream for impact, upstream for provenance). */
  reached: number;
  truncated: boolean;
  graphql: Latency;
  /** What the service sends, through the driver (with the traversal procedures when Neo4j has them). */
  raw: Latency;
  /** The same traversal as pure Cypher (the fallback engine). */
  pureCypher: Latency;
  engine: Engine;
  ratioP50: number;
  ratioP95: number;
  statements: number;
  responseKb: number;
}

/**
 * The raw-Cypher floor: what the service itself sends for one operation (resolve the origin, then
 * the traversal statement, in one read transaction), through the driver, all records consumed.
 */
export async function rawTraversal(driver: Driver, direction: Direction, origin: Origin, engine?: Engine): Promise<number> {
  const procedures = (engine ?? (await serviceEngine(driver))) === 'procedures';
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      // With the procedures, impact is one statement that resolves the origin and answers in the store.
      if (direction === 'impact' && procedures) return (await impactInStore(tx, origin)) + 1;
      const resolved = await tx.run(Q.graphResolveRefs.text, toNeo4j({
        refs: [{ type: origin.type, id: origin.id, namespace: null, name: null, version: null, field: null, model: null }], asOf: null, knownAt: null,
      }) as Record<string, unknown>);
      const elementId = resolved.records[0].get('elementId') as string;
      const statement = direction === 'impact'
        ? (procedures ? Q.lineageDownstreamProcedure : Q.lineageDownstream)
        : (procedures ? Q.lineageUpstreamProcedure : Q.lineageUpstream);
      const depth = direction === 'impact' ? DEFAULT_TRAVERSAL_LIMITS.defaultDepth : DEFAULT_TRAVERSAL_LIMITS.maxDepth;
      const rows = await tx.run(statement.text, toNeo4j({ originElementIds: [elementId], asOf: null, knownAt: null, depth, maxNodes: DEFAULT_TRAVERSAL_LIMITS.maxNodes }, statement.integers) as Record<string, unknown>);
      const records = rows.records.map((r) => r.toObject());
      // The downstream procedure hands its rows over as one JSON array: decoding is part of the floor.
      return statement === Q.lineageDownstreamProcedure ? (JSON.parse(records[0].rows as string) as unknown[]).length : records.length;
    });
  } finally {
    await session.close();
  }
}

/** What the service sends for IMPACT_QUERY with the procedures: reached nodes besides the origin (summary.total). */
async function impactInStore(tx: ManagedTransaction, origin: Origin): Promise<number> {
  const { defaultDepth: depth, defaultPaths: maxPaths, maxNodes } = DEFAULT_TRAVERSAL_LIMITS;
  const ref = { type: origin.type, id: origin.id, namespace: null, name: null, version: null, field: null, model: null };
  const result = await tx.run(Q.lineageImpactProcedure.text, toNeo4j({
    refs: [ref], asOf: null, knownAt: null, depth, maxNodes, maxPaths, servedOnly: false, types: [], after: null, first: 100,
  }, Q.lineageImpactProcedure.integers) as Record<string, unknown>);
  return (JSON.parse(result.records[0].get('json') as string) as { total: number }).total;
}

export type Engine = 'procedures' | 'cypher';
let detected: Promise<Engine> | undefined;

/** The engine the service picks (MODELGRAPH_TRAVERSAL=auto): the procedures where Neo4j has them. */
export function serviceEngine(driver: Driver): Promise<Engine> {
  detected ??= driver.executeQuery(Q.lineageProceduresInstalled.text).then((r) => (r.records[0]?.get('installed') ? 'procedures' : 'cypher'));
  return detected;
}

/** Times one origin through GraphQL and through the driver, interleaved case by case on the same warm caches. */
export async function measureTraversal(url: string, driver: Driver, direction: Direction, size: string, origin: Origin, reps: number, warmup: number): Promise<TraversalCase> {
  const query = direction === 'impact' ? IMPACT_QUERY : PROVENANCE_QUERY;
  const probe = await gql(url, query, origin);
  const result = probe.data[direction] as { truncated: boolean; summary?: { total: number } };
  const reachedRows = (await rawTraversal(driver, direction, origin)) - 1;
  const graphql = await timeRepeated(() => gql(url, query, origin), reps, warmup);
  const raw = await timeRepeated(() => rawTraversal(driver, direction, origin), reps, warmup);
  // The pure-Cypher traversal (the fallback without the procedures), fewer repetitions: it is slow.
  const engine = await serviceEngine(driver);
  const pureCypher = engine === 'procedures'
    ? await timeRepeated(() => rawTraversal(driver, direction, origin, 'cypher'), Math.max(5, Math.ceil(reps / 4)), Math.min(warmup, 3))
    : raw;
  return {
    operation: direction, size, origin, reached: Math.min(reachedRows, DEFAULT_TRAVERSAL_LIMITS.maxNodes), truncated: result.truncated,
    graphql, raw, pureCypher, engine, ratioP50: round(graphql.p50 / raw.p50), ratioP95: round(graphql.p95 / raw.p95),
    statements: probe.statements, responseKb: round(probe.bytes / 1024),
  };
}

/** Origins worth measuring: impact from fields, features and dataset versions of every layer; provenance from models, deployments, ensembles. */
export function candidateOrigins(graph: GeneratedGraph, direction: Direction, rnd: Random): Origin[] {
  if (direction === 'provenance') {
    const mvs = graph.models.flatMap((m) => m.versions.slice(-3));
    return [
      ...rnd.sample(mvs, 6).map((v) => ({ type: 'MODEL_VERSION', id: v.id })),
      ...rnd.sample(graph.serving.deployments.filter((d) => d.serves === 'MODEL_VERSION'), 6).map((d) => ({ type: 'DEPLOYMENT', id: d.id })),
      ...rnd.sample(graph.serving.deployments.filter((d) => d.serves === 'ENSEMBLE'), 4).map((d) => ({ type: 'DEPLOYMENT', id: d.id })),
    ];
  }
  const layer = (l: number) => graph.datasets.filter((d) => d.layer === l);
  const versionOf = (l: number, n: number) => rnd.sample(layer(l), n).map((d) => ({ type: 'DATASET_VERSION', id: rnd.pick(d.versionIds) }));
  const fieldOf = (l: number, n: number) => rnd.sample(layer(l), n).map((d) => ({ type: 'FIELD', id: rnd.pick(rnd.pick(d.fieldIds)) }));
  return [
    ...rnd.sample(graph.featureIds, 6).map((id) => ({ type: 'FEATURE', id })),
    ...fieldOf(3, 6), ...fieldOf(2, 4), ...fieldOf(1, 4),
    ...versionOf(3, 4), ...versionOf(2, 6), ...versionOf(1, 6), ...versionOf(0, 12),
  ];
}

/** Sizes every candidate with the raw traversal (rows besides the origin). */
export async function sizeOrigins(driver: Driver, direction: Direction, origins: Origin[]): Promise<{ origin: Origin; reached: number }[]> {
  const sized = [];
  for (const origin of origins) sized.push({ origin, reached: (await rawTraversal(driver, direction, origin)) - 1 });
  return sized.sort((a, b) => a.reached - b.reached);
}

/**
 * For each target size, the candidate closest to it (on a log scale), each candidate used once; a
 * target with no candidate within a factor of 3 is left out (a small graph has no 5,000-node impact).
 */
export function pickBySize<T extends { reached: number }>(sized: T[], targets: Record<string, number>): [string, T][] {
  const left = sized.filter((s) => s.reached > 0);
  const out: [string, T][] = [];
  const distance = (s: T, target: number) => Math.abs(Math.log(s.reached / target));
  for (const [label, target] of Object.entries(targets)) {
    if (!left.length) break;
    const best = left.reduce((a, b) => (distance(b, target) < distance(a, target) ? b : a));
    if (distance(best, target) > Math.log(3)) continue;
    left.splice(left.indexOf(best), 1);
    out.push([label, best]);
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

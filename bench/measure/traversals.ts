import { Driver } from 'neo4j-driver';
import { DEFAULT_TRAVERSAL_LIMITS } from '../../src/lineage/traversal-limits';
import { GeneratedGraph } from '../generate';
import { gql } from '../http';
import { Random } from '../random';
import { Latency, timeInterleaved } from '../stats';
import { Direction, Engine, Origin, rawTraversal, serviceEngine } from './service-traversal';

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

export type { Direction, Origin } from './service-traversal';

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
  /** Impact only: the same closure as a recursive CTE in PostgreSQL (ids only), null where not measured. */
  postgres?: Latency | null;
  engine: Engine;
  ratioP50: number;
  ratioP95: number;
  /** PostgreSQL p50 / raw (what the service sends) p50: above 1, the store is faster. */
  postgresRatioP50?: number | null;
  statements: number;
  responseKb: number;
}

/** The PostgreSQL side of an impact case: the closure of an origin there. */
export type PostgresImpact = (origin: Origin) => Promise<unknown>;

/**
 * Times one origin through GraphQL, what the service sends through the driver, the pure-Cypher
 * traversal and (impact, when given) the PostgreSQL closure: interleaved within each repetition,
 * the order rotated from one repetition to the next, so all see the same machine and warm caches.
 */
export async function measureTraversal(url: string, driver: Driver, direction: Direction, size: string, origin: Origin, reps: number, warmup: number,
  postgres?: PostgresImpact): Promise<TraversalCase> {
  const query = direction === 'impact' ? IMPACT_QUERY : PROVENANCE_QUERY;
  const probe = await gql(url, query, origin);
  const result = probe.data[direction] as { truncated: boolean; summary?: { total: number } };
  const reachedRows = (await rawTraversal(driver, direction, origin)) - 1;
  const engine = await serviceEngine(driver);
  const ops = await caseOperations(url, driver, direction, origin, postgres);
  const samples = await timeInterleaved(ops, reps, warmup);
  const [graphql, raw] = [samples.graphql, samples.raw];
  const pg = samples.postgres ?? null;
  return {
    operation: direction, size, origin, reached: Math.min(reachedRows, DEFAULT_TRAVERSAL_LIMITS.maxNodes), truncated: result.truncated,
    graphql, raw, pureCypher: samples.pure ?? raw, postgres: pg, engine, ratioP50: round(graphql.p50 / raw.p50), ratioP95: round(graphql.p95 / raw.p95),
    postgresRatioP50: pg ? round(pg.p50 / raw.p50) : null, statements: probe.statements, responseKb: round(probe.bytes / 1024),
  };
}

/**
 * Runs every case's operations (GraphQL, what the service sends, the pure-Cypher engine, PostgreSQL)
 * untimed for `seconds`, each in turn for an equal slice of time rather than an equal count: a JIT
 * warms by calls, so a 2 ms impact must run hundreds of times, which a round-robin with 450 ms
 * provenance walks in it never does (850 calls in 90 s, most of them the slow ones).
 */
export async function warmUpCases(url: string, driver: Driver, cases: { direction: Direction; origin: Origin; postgres?: PostgresImpact }[], seconds: number) {
  const started = performance.now();
  const ops = (await Promise.all(cases.map((c) => caseOperations(url, driver, c.direction, c.origin, c.postgres)))).flat();
  const sliceMs = Math.max(50, Math.min(500, (seconds * 1000) / Math.max(1, ops.length * 8)));
  let requests = 0;
  while (ops.length && performance.now() - started < seconds * 1000) {
    for (const [, op] of ops) {
      const sliceStart = performance.now();
      do { await op(); requests += 1; } while (performance.now() - sliceStart < sliceMs);
    }
  }
  return { requests, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** What one case times, by name: GraphQL, what the service sends, the pure-Cypher engine (where the service uses the procedures), PostgreSQL (when given). */
async function caseOperations(url: string, driver: Driver, direction: Direction, origin: Origin, postgres?: PostgresImpact): Promise<[string, () => Promise<unknown>][]> {
  const query = direction === 'impact' ? IMPACT_QUERY : PROVENANCE_QUERY;
  const ops: [string, () => Promise<unknown>][] = [['graphql', () => gql(url, query, origin)], ['raw', () => rawTraversal(driver, direction, origin)]];
  if ((await serviceEngine(driver)) === 'procedures') ops.push(['pure', () => rawTraversal(driver, direction, origin, 'cypher')]);
  if (postgres) ops.push(['postgres', () => postgres(origin)]);
  return ops;
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

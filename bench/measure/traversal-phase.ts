import { Driver } from 'neo4j-driver';
import { Client } from 'pg';
import { DEFAULT_TRAVERSAL_LIMITS } from '../../src/lineage/traversal-limits';
import { GeneratedGraph } from '../generate';
import { gql } from '../http';
import { Random } from '../random';
import { LoadCase } from '../report';
import { Scale } from '../scales';
import { runConcurrently, summarize } from '../stats';
import { compareClosures } from '../postgres/compare';
import { Floors, measureFloors } from './floors';
import { postgresClosure } from '../postgres/closure';
import { candidateOrigins, IMPACT_QUERY, measureTraversal, Origin, pickBySize, sizeOrigins, TraversalCase, warmUpCases } from './traversals';

/** Impact sizes the targets name (downstream nodes); a size is kept only where the graph has one near it. */
const IMPACT_TARGETS = { small: 20, medium: 300, large: 1000, 'very large': 3000 };

/**
 * Sizes candidate origins with the raw traversal, picks origins near each target size (impact) or
 * the smallest, median and largest (provenance), times each through GraphQL and the driver (and
 * impact in PostgreSQL, given its client), then loads the service with 4 concurrent clients asking
 * for the largest impact of at most 1,000 nodes. Before any timing, every picked case runs, in equal time slices per operation,
 * for the scale's warmSeconds: a fresh JVM needs thousands of statements before its JIT has compiled
 * the hot paths (a `RETURN 1` goes from ~3 ms to ~0.5 ms), and a long-running service is measured
 * warm, not in its first minute. With PostgreSQL, every impact candidate's closure
 * is compared between the two stores first (which sizes it too): a difference fails the run.
 */
export interface TraversalPhase {
  traversals: TraversalCase[];
  concurrentImpact: LoadCase | null;
  /** Impact candidates whose closures were checked identical in PostgreSQL (0: no PostgreSQL). */
  closuresCompared: number;
  warmUp: { requests: number; seconds: number } | null;
  floors: Floors | null;
}

export async function traversalPhase(url: string, driver: Driver, graph: GeneratedGraph, scale: Scale, rnd: Random, log: (m: string) => void, pg?: Client): Promise<TraversalPhase> {
  const traversals: TraversalCase[] = [];
  const depth = DEFAULT_TRAVERSAL_LIMITS.defaultDepth;
  let closuresCompared = 0;
  const picked: { direction: 'impact' | 'provenance'; size: string; origin: Origin }[] = [];
  for (const direction of ['impact', 'provenance'] as const) {
    const candidates = candidateOrigins(graph, direction, rnd);
    const all = direction === 'impact' && pg ? await compareClosures(driver, pg, candidates, depth) : await sizeOrigins(driver, direction, candidates);
    if (direction === 'impact' && pg) {
      closuresCompared = all.length;
      log(`impact: the closures of all ${all.length} candidates are the same node sets in Neo4j and PostgreSQL`);
    }
    log(`${direction}: candidate sizes ${all.map((s) => s.reached).join(' ')}`);
    const sized = all.filter((s) => s.reached > 0); // a retired deployment has no upstream: nothing to time
    const picks: [string, (typeof sized)[number]][] = direction === 'impact'
      ? pickBySize(sized, IMPACT_TARGETS)
      : [['smallest', sized[0]], ['median', sized[Math.floor(sized.length / 2)]], ['largest', sized[sized.length - 1]]];
    for (const [size, { origin }] of picks) picked.push({ direction, size, origin });
  }
  const postgresOf = (direction: string) => (direction === 'impact' && pg ? (o: Origin) => postgresClosure(pg, o.id, depth) : undefined);
  const warmUp = await warmUpCases(url, driver, picked.map((p) => ({ ...p, postgres: postgresOf(p.direction) })), scale.warmSeconds ?? 0);
  log(`warm-up: ${warmUp.requests} requests over ${warmUp.seconds} s, every operation of every case in equal time slices`);
  const floors = await measureFloors(url, driver, scale.reps * 2, scale.warmup, pg);
  log(`empty round trips p50: Neo4j ${floors.neo4j.p50} ms, GraphQL ${floors.graphql.p50} ms${floors.postgres ? `, PostgreSQL ${floors.postgres.p50} ms` : ''}`);
  for (const { direction, size, origin } of picked) {
    const c = await measureTraversal(url, driver, direction, size, origin, scale.reps, scale.warmup, postgresOf(direction));
    log(`  ${direction} ${size}: ${c.reached} nodes, GraphQL p50 ${c.graphql.p50} p95 ${c.graphql.p95} ms, raw p50 ${c.raw.p50} p95 ${c.raw.p95} ms, ratio ${c.ratioP50}` +
      (c.postgres ? `; PostgreSQL p50 ${c.postgres.p50} p95 ${c.postgres.p95} ms, PostgreSQL / store ${c.postgresRatioP50}` : ''));
    traversals.push(c);
  }
  const largest = traversals.filter((t) => t.operation === 'impact' && t.reached <= 1000).sort((a, b) => a.reached - b.reached).pop();
  let concurrentImpact: LoadCase | null = null;
  if (largest) {
    const samples: number[] = [];
    const requests = scale.reps * 2;
    const ms = await runConcurrently(requests, 4, async () => {
      const started = performance.now();
      await gql(url, IMPACT_QUERY, largest.origin);
      samples.push(performance.now() - started);
    });
    concurrentImpact = { what: `impact of ${largest.reached} nodes`, concurrency: 4, requests, requestsPerSecond: Math.round((requests / ms) * 10_000) / 10, latency: summarize(samples) };
    log(`  impact under load: ${concurrentImpact.requestsPerSecond} req/s, p95 ${concurrentImpact.latency.p95} ms`);
  }
  return { traversals, concurrentImpact, closuresCompared, warmUp, floors };
}

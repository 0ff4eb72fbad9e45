import { Driver } from 'neo4j-driver';
import { GeneratedGraph } from '../generate';
import { gql } from '../http';
import { Random } from '../random';
import { LoadCase } from '../report';
import { Scale } from '../scales';
import { runConcurrently, summarize } from '../stats';
import { candidateOrigins, IMPACT_QUERY, measureTraversal, pickBySize, sizeOrigins, TraversalCase } from './traversals';

/** Impact sizes the targets name (downstream nodes); 'very large' is kept only where the graph has one. */
const IMPACT_TARGETS = { small: 20, medium: 200, large: 1000, 'very large': 5000 };

/**
 * Sizes candidate origins with the raw traversal, picks origins near each target size (impact) or
 * the smallest, median and largest (provenance), times each through GraphQL and the driver, then
 * loads the service with 4 concurrent clients asking for the largest impact of at most 1,000 nodes.
 */
export async function traversalPhase(url: string, driver: Driver, graph: GeneratedGraph, scale: Scale, rnd: Random, log: (m: string) => void) {
  const traversals: TraversalCase[] = [];
  for (const direction of ['impact', 'provenance'] as const) {
    const all = await sizeOrigins(driver, direction, candidateOrigins(graph, direction, rnd));
    log(`${direction}: candidate sizes ${all.map((s) => s.reached).join(' ')}`);
    const sized = all.filter((s) => s.reached > 0); // a retired deployment has no upstream: nothing to time
    const picks: [string, (typeof sized)[number]][] = direction === 'impact'
      ? pickBySize(sized, IMPACT_TARGETS)
      : [['smallest', sized[0]], ['median', sized[Math.floor(sized.length / 2)]], ['largest', sized[sized.length - 1]]];
    for (const [size, { origin }] of picks) {
      const c = await measureTraversal(url, driver, direction, size, origin, scale.reps, scale.warmup);
      log(`  ${direction} ${size}: ${c.reached} nodes, GraphQL p50 ${c.graphql.p50} p95 ${c.graphql.p95} ms, raw p50 ${c.raw.p50} p95 ${c.raw.p95} ms, ratio ${c.ratioP50}`);
      traversals.push(c);
    }
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
  return { traversals, concurrentImpact };
}

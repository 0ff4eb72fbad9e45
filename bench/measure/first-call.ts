import { randomUUID } from 'node:crypto';
import { Driver } from 'neo4j-driver';
import { GeneratedGraph } from '../generate';
import { gql, postJson } from '../http';
import { compiledBetween, planCacheCounts } from './plan-cache';
import { IMPACT_QUERY } from './traversals';

export interface FirstCallCase {
  operation: string;
  /** The first call after the service started (and was ready), ms. */
  firstMs: number;
  /** The same call right after, ms: what the first one would cost with everything compiled. */
  secondMs: number;
  /** Statements Cypher compiled during the first call (modelgraph.planCache): 0 when the warm-up covered it; null: not counted. */
  compiled: number | null;
}

const MODELS = `query { models(page: {first: 20}) { nodes { id name versions { id } } } }`;
const RECORD = `mutation($points: [MetricPointInput!]!) { recordMetrics(points: $points) { points } }`;
const PRODUCER = 'https://github.com/modelgraph/bench';

/**
 * The first call of a few operations after start-up, then the same call again: must run before
 * anything else has asked the service (or its Neo4j) anything, so it measures what the start-up
 * warm-up left to compile.
 */
export async function measureFirstCalls(url: string, graph: GeneratedGraph, driver: Driver): Promise<FirstCallCase[]> {
  const dataset = graph.datasets.find((d) => d.layer === 0) ?? graph.datasets[0];
  const version = graph.models[0].versions[graph.models[0].versions.length - 1];
  let event = 0;
  const operations: [string, () => Promise<unknown>][] = [
    ['impact', () => gql(url, IMPACT_QUERY, { type: 'DATASET_VERSION', id: dataset.versionIds[0] })],
    ['models', () => gql(url, MODELS)],
    ['recordMetrics', () => gql(url, RECORD, { points: [{ target: { modelVersion: version.id }, name: 'first_call', value: 1, timestamp: new Date(Date.UTC(2026, 0, 1) + event++ * 60_000).toISOString() }] })],
    ['POST /api/v1/lineage', () => postJson(`${url}/api/v1/lineage`, {
      eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: PRODUCER,
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: randomUUID() }, job: { namespace: 'bench', name: `first_call_${event++}` },
      inputs: [{ namespace: dataset.namespace, name: dataset.name }], outputs: [{ namespace: 'bench', name: 'first_call_out' }],
    }, 201)],
  ];
  const out: FirstCallCase[] = [];
  for (const [operation, call] of operations) {
    const before = await planCacheCounts(driver);
    const firstMs = await timed(call);
    const compiled = compiledBetween(before, await planCacheCounts(driver))?.compiled ?? null;
    out.push({ operation, firstMs, secondMs: await timed(call), compiled });
  }
  return out;
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return Math.round(performance.now() - started);
}

import type { Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, served at /metrics. One registry per process (several apps in
 * one test process share it). Label values come from bounded sets only (routes, statement file
 * names, schema field names, error codes), never from client input such as operation names.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'modelgraph_' });

/** A counter or histogram in the service's registry; labels are declared once, as a tuple. */
function counter<L extends string>(name: string, help: string, labelNames: readonly L[]) {
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}
function histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) {
  return new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
}

export const httpRequests = counter('modelgraph_http_requests_total', 'HTTP requests by route, method and status.', ['route', 'method', 'status']);
export const httpDuration = histogram('modelgraph_http_request_duration_seconds', 'HTTP request latency by route and method.',
  ['route', 'method'], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
export const graphqlOperations = counter('modelgraph_graphql_operations_total',
  'GraphQL operations by type (query, mutation, subscription) and outcome.', ['type', 'outcome']);
export const graphqlMutations = counter('modelgraph_graphql_mutation_fields_total', 'Mutation fields called (e.g. recordMetrics), by outcome.', ['field', 'outcome']);
export const errorsByCode = counter('modelgraph_errors_total',
  'Errors returned to clients, by code (extensions.code, or the HTTP status on REST).', ['code']);
export const neo4jStatementDuration = histogram('modelgraph_neo4j_statement_duration_seconds',
  'Time to run one named Cypher statement (cypher/<name>.cypher) and read its rows.',
  ['statement', 'outcome'], [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]);
export const lineageEvents = counter('modelgraph_openlineage_events_total',
  'OpenLineage events received, by endpoint and HTTP status of their request.', ['endpoint', 'status']);

export function observeStatement(name: string, seconds: number, ok: boolean): void {
  neo4jStatementDuration.observe({ statement: name, outcome: ok ? 'ok' : 'error' }, seconds);
}

/** Counts an error a middleware answered with (so the request log does not count it again by status). */
export function countError(res: Response, code: string): void {
  errorsByCode.inc({ code });
  res.locals.errorCounted = true;
}

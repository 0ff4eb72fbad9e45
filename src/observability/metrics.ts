import type { Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, served at /metrics. One registry per process (several apps in
 * one test process share it). Label values come from bounded sets only (routes, statement file
 * names, schema field names, error codes), never from client input such as operation names.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'modelgraph_' });

export const httpRequests = new Counter({
  name: 'modelgraph_http_requests_total', help: 'HTTP requests by route, method and status.',
  labelNames: ['route', 'method', 'status'] as const, registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'modelgraph_http_request_duration_seconds', help: 'HTTP request latency by route and method.',
  labelNames: ['route', 'method'] as const, registers: [registry],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});

export const graphqlOperations = new Counter({
  name: 'modelgraph_graphql_operations_total', help: 'GraphQL operations by type (query, mutation, subscription) and outcome.',
  labelNames: ['type', 'outcome'] as const, registers: [registry],
});

export const graphqlMutations = new Counter({
  name: 'modelgraph_graphql_mutation_fields_total', help: 'Mutation fields called (e.g. recordMetrics), by outcome.',
  labelNames: ['field', 'outcome'] as const, registers: [registry],
});

export const errorsByCode = new Counter({
  name: 'modelgraph_errors_total', help: 'Errors returned to clients, by code (extensions.code, or the HTTP status on REST).',
  labelNames: ['code'] as const, registers: [registry],
});

export const neo4jStatementDuration = new Histogram({
  name: 'modelgraph_neo4j_statement_duration_seconds', help: 'Time to run one named Cypher statement (cypher/<name>.cypher) and read its rows.',
  labelNames: ['statement', 'outcome'] as const, registers: [registry],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
});

export const lineageEvents = new Counter({
  name: 'modelgraph_openlineage_events_total', help: 'OpenLineage events received, by endpoint and HTTP status of their request.',
  labelNames: ['endpoint', 'status'] as const, registers: [registry],
});

export function observeStatement(name: string, seconds: number, ok: boolean): void {
  neo4jStatementDuration.observe({ statement: name, outcome: ok ? 'ok' : 'error' }, seconds);
}

/** Counts an error a middleware answered with (so the request log does not count it again by status). */
export function countError(res: Response, code: string): void {
  errorsByCode.inc({ code });
  res.locals.errorCounted = true;
}

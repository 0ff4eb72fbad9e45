import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from '../app/request-id';
import { log } from '../common/log';
import { errorsByCode, httpDuration, httpRequests, lineageEvents } from './metrics';

/** Set by the GraphQL plugin for the request log line: the operation's type and name. */
export interface OperationInfo { type: string; name: string }

/**
 * Mounted right after assignRequestId: on completion of every request writes one log line (id,
 * method, route, operation, key, status, duration) and the HTTP metrics. Error answers are counted
 * by their code where they are sent (countError); what is left (an unknown route, a readiness
 * probe that fails) is counted here by its status.
 */
export function requestLog(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdOf(res);
  const started = performance.now();
  res.on('finish', () => {
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(req.originalUrl.split('?')[0]); // req.path is rewritten while express routes
    const status = res.statusCode;
    httpRequests.inc({ route, method: req.method, status: String(status) });
    httpDuration.observe({ route, method: req.method }, seconds);
    if (route !== '/graphql' && status >= 400 && !res.locals.errorCounted) errorsByCode.inc({ code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : `HTTP_${status}` });
    if (route.startsWith('/api/v1/lineage') && req.method === 'POST') {
      lineageEvents.inc({ endpoint: route, status: String(status) }, Array.isArray(req.body) ? req.body.length : 1);
    }
    const operation = res.locals.operation as OperationInfo | undefined;
    const line = {
      requestId, method: req.method, route, status, durationMs: Math.round(seconds * 1000),
      operation: operation?.name, operationType: operation?.type, keyId: res.locals.principal?.keyId,
    };
    if (status >= 500) log.warn(line, 'request'); else log.info(line, 'request');
  });
  next();
}

const ROUTES = ['/graphql', '/graphiql', '/api/v1/lineage/batch', '/api/v1/lineage', '/healthz', '/readyz', '/metrics'];

/** A bounded label: the known route a path is under, else 'other'. */
function routeOf(path: string): string {
  return ROUTES.find((r) => path === r || path.startsWith(`${r}/`)) ?? 'other';
}

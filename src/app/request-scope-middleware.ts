import type { NextFunction, Request, Response } from 'express';
import { AuditContext, DEFAULT_REQUEST_CONCURRENCY, newScope, releaseScope, requestScope } from '../db/request-scope';
import { requestIdOf } from './request-id';

/**
 * Runs the rest of an HTTP request inside its own scope (request id, statement count, loaders,
 * time budget). Mount it after body parsing: body events fire outside the scope, so the scope must
 * be entered from the handler chain itself for everything after it to inherit it. `concurrency`:
 * how many Neo4j transactions the request may run at once (MODELGRAPH_REQUEST_CONCURRENCY). An audit
 * context an earlier middleware left in `res.locals.audit` (src/audit/audit-hooks.ts) joins the scope.
 * When the response is done (sent, or the client went away) the scope lets go of its loaders.
 */
export function withRequestScope(budgetMs: number, concurrency = DEFAULT_REQUEST_CONCURRENCY) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const scope = newScope(requestIdOf(res), budgetMs, concurrency);
    scope.audit = res.locals.audit as AuditContext | undefined;
    res.once('close', () => releaseScope(scope));
    requestScope.run(scope, next);
  };
}

import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { newScope, requestScope } from '../db/request-scope';

/**
 * Runs the rest of an HTTP request inside its own scope (request id, statement count, loaders,
 * time budget). Mount it after body parsing: body events fire outside the scope, so the scope must
 * be entered from the handler chain itself for everything after it to inherit it.
 */
export function withRequestScope(budgetMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = (req.header('x-request-id') ?? '').slice(0, 100) || crypto.randomUUID();
    res.setHeader('x-request-id', requestId);
    requestScope.run(newScope(requestId, budgetMs), next);
  };
}

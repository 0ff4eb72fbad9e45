import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Every request's id, assigned here and only here, by the first middleware: the client's
 * x-request-id (at most 100 characters) or a new UUID, echoed back as x-request-id. The request
 * log, the request scope (and so every log line), error bodies and audit records all read it
 * with requestIdOf.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const requestId = (req.header('x-request-id') ?? '').slice(0, 100) || crypto.randomUUID();
  res.locals.requestId = requestId;
  res.setHeader('x-request-id', requestId);
  next();
}

export function requestIdOf(res: Response): string {
  const requestId = res.locals.requestId as string | undefined;
  if (requestId === undefined) throw new Error('assignRequestId must run before this handler');
  return requestId;
}

import type { NextFunction, Request, Response } from 'express';
import { AppError, UnavailableError } from '../common/errors';
import { countError } from '../observability/metrics';
import { translateError } from '../common/translate-error';
import { AuthService } from './auth.service';
import { authorize } from './authorize';
import { Principal, Role } from './roles';

/** The caller, once authenticateHttp has run. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('authenticateHttp must run before this handler');
  return principal;
}

/**
 * Authenticates every request of a route before its body is read: a missing or bad key is a 401
 * (GraphQL-shaped on /graphql, `{error, code}` on REST routes), a database outage a 503.
 */
export function authenticateHttp(auth: AuthService, shape: 'graphql' | 'rest') {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.locals.principal = await auth.authenticate(req.header('authorization'));
      next();
    } catch (e) {
      sendError(res, toAppError(e), shape);
    }
  };
}

/** REST routes: refuses (403) callers whose role is below the one the request needs. */
export function requireRoleHttp(roleFor: (req: Request) => Role, what: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    try {
      authorize(principalOf(res), roleFor(req), what);
      next();
    } catch (e) {
      sendError(res, toAppError(e), 'rest');
    }
  };
}

function toAppError(e: unknown): AppError {
  const error = translateError(e);
  return error.code === 'INTERNAL_SERVER_ERROR' ? new UnavailableError() : error;
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, UNAVAILABLE: 503, TIMEOUT: 503 };

export function sendError(res: Response, error: AppError, shape: 'graphql' | 'rest'): void {
  const status = STATUS[error.code] ?? 500;
  countError(res, error.code);
  if (status === 401) res.setHeader('www-authenticate', 'Bearer');
  const { http: _http, ...extensions } = error.extensions;
  if (shape === 'graphql') res.status(status).json({ errors: [{ message: error.message, extensions }] });
  else res.status(status).json({ error: error.message, ...extensions });
}


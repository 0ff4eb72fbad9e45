import type { NextFunction, Request, Response } from 'express';
import { ErrorShape, sendError } from '../app/http-errors';
import { requestIdOf } from '../app/request-id';
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
 * (in the route's error shape), a key over its rate or an address past its failed attempts a 429
 * with Retry-After, a Neo4j outage a 503, and a bug in the lookup a 500 that names the request id
 * (logged with its stack under that id). The source address is the socket's (no proxy headers are
 * trusted), so behind a reverse proxy its address is every client's.
 */
export function authenticateHttp(auth: AuthService, shape: ErrorShape) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.locals.principal = await auth.authenticate(req.header('authorization'), { source: req.ip });
      next();
    } catch (e) {
      sendError(res, translateError(e, requestIdOf(res)), shape);
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
      sendError(res, translateError(e, requestIdOf(res)), 'rest');
    }
  };
}

import type { NextFunction, Request, Response } from 'express';
import { AppError, ErrorCode } from '../common/errors';
import { translateError } from '../common/translate-error';
import { countError } from '../observability/metrics';
import { requestIdOf } from './request-id';

/** How a route answers errors: /graphql as GraphQL does, every other route in the REST shape. */
export type ErrorShape = 'graphql' | 'rest';

/**
 * Sends an error with the HTTP status of its code (HTTP_STATUS), in one of the two shapes:
 * `{ errors: [{ message, extensions: { code, ... } }] }` on /graphql, and
 * `{ error: message, code, ...details }` (e.g. `reasons`, `requiredRole`, `requestId`) everywhere
 * else. The response status is for HTTP only: the client never sees `extensions.http`.
 */
export function sendError(res: Response, error: AppError, shape: ErrorShape): void {
  const status = error.httpStatus;
  countError(res, error.code);
  if (status === 401) res.setHeader('www-authenticate', 'Bearer');
  if (status === 503) res.setHeader('retry-after', '1');
  if (error.code === 'RATE_LIMITED') res.setHeader('retry-after', String(error.extensions.retryAfter ?? 1));
  const { http: _http, ...extensions } = error.extensions;
  if (shape === 'graphql') res.status(status).json({ errors: [{ message: error.message, extensions }] });
  else res.status(status).json({ error: error.message, ...extensions });
}

/**
 * The last handler of a route: whatever reached `next(err)` is answered with sendError. Errors
 * body-parser raised (they carry a 4xx `status` and often a `type`) are the client's and keep
 * their status; anything else goes through translateError (UNAVAILABLE for a Neo4j outage, a 500
 * naming the request id for a bug). `tooLarge` says which limit an oversize body broke.
 */
export function httpErrorHandler(shape: ErrorShape, tooLarge = 'The request body is too large.') {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) { next(err); return; }
    sendError(res, bodyError(err, tooLarge) ?? translateError(err, requestIdOf(res)), shape);
  };
}

/** Statuses body-parser answers with, as codes. */
const BODY_ERROR_CODES: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/** A body-parser failure as the client's error, or undefined for anything else. */
function bodyError(err: unknown, tooLarge: string): AppError | undefined {
  if (err instanceof AppError || !(err instanceof Error)) return undefined;
  const { status, type } = err as Error & { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const code = BODY_ERROR_CODES[status] ?? 'BAD_REQUEST';
  switch (type) {
    case 'entity.too.large': return new AppError(tooLarge, 'PAYLOAD_TOO_LARGE');
    case 'entity.parse.failed': return new AppError(`The request body is not valid JSON: ${err.message}`, code);
    case 'encoding.unsupported': return new AppError('Unsupported Content-Encoding: send JSON, plain or gzip.', code);
    case 'charset.unsupported': return new AppError(`Unsupported charset: send the body as UTF-8 (${err.message}).`, code);
    case 'request.aborted': return new AppError('The request was aborted before its body was read.', code);
    default: return new AppError(`The request body could not be read: ${err.message}.`, code);
  }
}

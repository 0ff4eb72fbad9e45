import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../common/errors';
import { sendError } from './http-errors';

/** The media type (parameters aside) a state-changing REST request may carry: JSON, a JSON-based type, or NDJSON (outcome batches). */
const JSON_TYPE = /^application\/(([a-z0-9.+-]+\+)?json|x-ndjson)$/;

function isJson(contentType: string | undefined): boolean {
  return JSON_TYPE.test((contentType ?? '').split(';')[0].trim().toLowerCase());
}

/**
 * Refuses a state-changing REST request (anything but GET, HEAD, OPTIONS) whose Content-Type is not
 * JSON, with 415 UNSUPPORTED_MEDIA_TYPE. A browser sends `text/plain`, form and multipart bodies
 * cross-site without a CORS preflight, so with auth off any web page could otherwise write to the
 * graph; a JSON Content-Type needs a preflight, which this service never grants. Apollo's CSRF
 * prevention does the same for /graphql. The header is checked even without a body, so a future
 * route that takes none is covered too. The charset is body-parser's to check (415 too).
 */
export function requireJsonContentType(req: Request, res: Response, next: NextFunction): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || isJson(req.headers['content-type'])) { next(); return; }
  sendError(res, new AppError(
    `A ${req.method} here needs Content-Type: application/json (got ${JSON.stringify(req.headers['content-type'] ?? 'none')}).`,
    'UNSUPPORTED_MEDIA_TYPE'), 'rest');
}

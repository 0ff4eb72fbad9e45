import { GraphQLError } from 'graphql';

/**
 * The codes clients can rely on (`extensions.code` on /graphql, `code` on REST routes), and the
 * HTTP status of each: the one table both edges answer by. A REST error is always sent with its
 * code's status. On /graphql an error inside an operation leaves the response a 200 (other fields
 * may have data); only errors that refuse the whole request set the status (see `refusing`).
 */
export const HTTP_STATUS = {
  BAD_USER_INPUT: 400,
  /** A body that cannot be read: not JSON, truncated, a corrupt gzip stream. */
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** A Content-Encoding that cannot be inflated, or a charset other than UTF-8. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Back-pressure: a key over its rate, a source over its failed authentications, or every Neo4j connection busy. Sent with Retry-After. */
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  /** Neo4j is unreachable: worth retrying shortly. */
  UNAVAILABLE: 503,
  TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

/** Extensions that make Apollo answer a refused /graphql request with the code's HTTP status. */
function refusing(code: ErrorCode): { http: { status: number } } {
  return { http: { status: HTTP_STATUS[code] } };
}

/** An error whose message is safe to show to the client as it is. */
export class AppError extends GraphQLError {
  constructor(message: string, readonly code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/**
 * One shape for every missing entity, as Marquez does: "Dataset 'ns/name' not found."; `field`
 * names the argument that named it, where that helps (e.g. "members[1].modelVersion").
 */
export class NotFoundError extends AppError {
  constructor(entity: string, key: string, field?: string) {
    super(`${entity} '${key}' not found.`, 'NOT_FOUND', field ? { entity, key, field } : { entity, key });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', extensions);
  }
}

/** Bad input, naming the offending argument path (e.g. "input.version"). */
export class BadInputError extends AppError {
  constructor(message: string, field?: string) {
    super(message, 'BAD_USER_INPUT', field ? { field } : {});
  }
}

export class UnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; try again shortly.') {
    super(message, 'UNAVAILABLE');
  }
}

export class TimeoutError extends AppError {
  constructor(message: string) {
    super(message, 'TIMEOUT');
  }
}

/**
 * Anything unexpected (a bug, a misconfiguration): the client learns only that, and the request id
 * under which the cause was logged with its stack.
 */
export class InternalError extends AppError {
  constructor(requestId?: string) {
    super('Internal server error', 'INTERNAL_SERVER_ERROR', requestId ? { requestId } : {});
  }
}

/**
 * No key, or one that is unknown or revoked. `http.status` is read by Apollo for the response
 * status (and stripped from what the client sees by formatError).
 */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Send a valid API key: Authorization: Bearer <key>.') {
    super(message, 'UNAUTHENTICATED', refusing('UNAUTHENTICATED'));
  }
}

/** A valid key whose role does not allow the operation. */
export class ForbiddenError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'FORBIDDEN', { ...extensions, ...refusing('FORBIDDEN') });
  }
}

/**
 * Back-pressure, not an outage: retry after `retryAfterSeconds` (the `Retry-After` header, and
 * `retryAfter` in the error). Thrown inside an operation too, where it still sets the status.
 */
export class RateLimitedError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
    super(message, 'RATE_LIMITED', { retryAfter, http: { status: HTTP_STATUS.RATE_LIMITED, headers: new Map([['retry-after', String(retryAfter)]]) } });
  }
}

/** Every pooled Neo4j connection is busy: the service is loaded, Neo4j is not down. */
export class PoolExhaustedError extends RateLimitedError {
  constructor() {
    super('The service is busy (every database connection is in use); retry shortly.', 1);
  }
}

/** An operation refused before it runs: too deep or too costly. */
export class QueryTooComplexError extends AppError {
  constructor(message: string, extensions: Record<string, unknown>) {
    super(message, 'QUERY_TOO_COMPLEX', { ...extensions, ...refusing('QUERY_TOO_COMPLEX') });
  }
}

import { GraphQLError } from 'graphql';

/** The codes clients can rely on, in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN'
  | 'UNAVAILABLE' | 'TIMEOUT' | 'QUERY_TOO_COMPLEX' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL_SERVER_ERROR';

/** An error whose message is safe to show to the client as it is. */
export class AppError extends GraphQLError {
  constructor(message: string, readonly code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
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
 * No key, or one that is unknown or revoked. `http.status` is read by Apollo for the response
 * status (and stripped from what the client sees by formatError).
 */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Send a valid API key: Authorization: Bearer <key>.') {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

/** A valid key whose role does not allow the operation. */
export class ForbiddenError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'FORBIDDEN', { ...extensions, http: { status: 403 } });
  }
}

/** An operation refused before it runs: too deep or too costly. */
export class QueryTooComplexError extends AppError {
  constructor(message: string, extensions: Record<string, unknown>) {
    super(message, 'QUERY_TOO_COMPLEX', { ...extensions, http: { status: 400 } });
  }
}

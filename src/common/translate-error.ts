import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import { ArgumentValidationError } from 'type-graphql';
import { currentScope } from '../db/request-scope';
import { AppError, BadInputError, ConflictError, InternalError, PoolExhaustedError, TimeoutError, UnavailableError } from './errors';
import { isPoolExhausted, isUnavailableError } from './availability';
import { log } from './log';

/**
 * The one place where anything thrown while serving a request becomes what a client sees: driver
 * errors get a code, validation errors name their field, and anything unexpected is logged with
 * its stack and request id and reaches the client only as "Internal server error" with that id.
 * Inside a request scope the id is the scope's; the HTTP edge passes it where no scope exists yet
 * (authentication, body parsing).
 */
export function translateError(error: unknown, requestId = currentScope()?.requestId): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ArgumentValidationError) {
    const first = error.extensions.validationErrors?.[0];
    const field = first?.property;
    const reason = first ? Object.values(first.constraints ?? {})[0] : undefined;
    return new BadInputError(reason ? `Invalid ${field}: ${reason}` : error.message, field);
  }
  if (error instanceof Neo4jError) {
    if (isPoolExhausted(error)) return new PoolExhaustedError();
    if (isUnavailableError(error)) {
      return new UnavailableError();
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('That entity already exists (a concurrent write created it); retry to read it.');
    }
    if (/TransactionTimedOut|Transaction.TransactionTimedOutClientConfiguration/.test(error.code)) {
      return new TimeoutError('The query ran past its time budget; narrow it (depth, filters) and try again.');
    }
  }
  log.error({ err: error, requestId }, 'unexpected error serving a request');
  return new InternalError(requestId);
}

/** Apollo's formatError hook: never a stack trace, always a code. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  // Errors Apollo and graphql-js raise themselves (parse, validation, variable coercion) are
  // client-safe as they are; only their stack trace is dropped.
  if (!(original instanceof AppError) && !(original instanceof ArgumentValidationError)
      && original instanceof GraphQLError && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const appError = translateError(original);
  const { http: _http, ...extensions } = appError.extensions; // the response status, not for the client
  return { message: appError.message, locations: formatted.locations, path: formatted.path, extensions };
}

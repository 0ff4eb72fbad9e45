import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { isUnavailableError } from '../common/availability';
import { AppError } from '../common/errors';
import { translateError } from '../common/translate-error';

/**
 * Whether an error that stopped a batch's transaction can be an event's fault, so that applying
 * the events apart finds the one at fault: what Neo4j says of a statement or its data (a client
 * error, a statement that failed, e.g. a value too large to index) or anything thrown while the
 * events were folded. Not so when the database is away, out of time (the request's budget, a
 * transaction timeout), busy after Db's retries, or failing as a whole (other database errors: a
 * full disk, a commit that failed): trying again in halves would only make more of the same
 * failure, and the client should retry the whole request.
 */
export function isEventsFault(error: unknown): boolean {
  if (isUnavailableError(error) || (error instanceof Error && isRetryableError(error))) return false;
  if (error instanceof AppError) return !['UNAVAILABLE', 'TIMEOUT'].includes(error.code);
  if (error instanceof Neo4jError) {
    return /^Neo\.(ClientError\.(Statement|Schema|Procedure)|DatabaseError\.Statement)\./.test(error.code) && !/TimedOut/.test(error.code);
  }
  return true;
}

/**
 * The reason given for an event the database refused: by Neo4j's code (what the data broke, e.g.
 * Neo.ClientError.Schema.ConstraintValidationFailed, or Neo.DatabaseError.Statement.ExecutionFailed
 * for a value too large to index), without Neo4j's message, which quotes the values and the
 * statement; anything else as the client would
 * see it (a bug: "Internal server error" and the request id its stack was logged under).
 */
export function applyFailure(error: unknown): string {
  if (error instanceof Neo4jError && /^Neo\.(ClientError|DatabaseError)\./.test(error.code)) {
    return `the database refused to store this event (${error.code}); nothing of it was stored`;
  }
  const appError = translateError(error);
  const requestId = appError.extensions.requestId ? ` (request id ${String(appError.extensions.requestId)})` : '';
  return `this event could not be stored: ${appError.code}: ${appError.message}${requestId}; nothing of it was stored`;
}

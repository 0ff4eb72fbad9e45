import pino from 'pino';
import { currentScope } from '../db/request-scope';

/**
 * Structured JSON logs (pino: fast, the de-facto standard for Node services). Each line carries
 * the request id of the request it belongs to, taken from the request scope.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'modelgraph' },
  mixin() {
    const scope = currentScope();
    return scope ? { requestId: scope.requestId } : {};
  },
});

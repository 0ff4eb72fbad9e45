import pino from 'pino';
import { readLogLevel } from '../config';
import { currentScope } from '../db/request-scope';

/**
 * Structured JSON logs (pino: fast, the de-facto standard for Node services). Each line carries
 * the request id of the request it belongs to, taken from the request scope. It starts at
 * LOG_LEVEL as src/config.ts reads it, so lines written before a Config is loaded are filtered
 * too; startService then sets the level of the Config it was given.
 */
export const log = pino({
  level: readLogLevel(),
  base: { service: 'modelgraph' },
  mixin() {
    const scope = currentScope();
    return scope ? { requestId: scope.requestId } : {};
  },
});

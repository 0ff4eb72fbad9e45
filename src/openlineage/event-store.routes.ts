import express, { Express, Request } from 'express';
import { httpErrorHandler } from '../app/http-errors';
import { withRequestScope } from '../app/request-scope-middleware';
import { BadInputError } from '../common/errors';
import { parseEventTime } from './event-time';
import { EventQuery, LineageEventStore } from './event-store';

/** Marquez's defaults for the listing's time window. */
const DEFAULT_AFTER = '1970-01-01T00:00:00Z';
const DEFAULT_BEFORE = '2030-01-01T00:00:00Z';

/**
 * `GET /api/v1/events/lineage`: the stored events as received, in Marquez's shape
 * (`{ events, totalCount }`) and with its parameters: `after` <= eventTime < `before`,
 * `sortDirection` (desc by default), `limit` (100) and `offset`; plus `namespace`, the job's (a
 * dataset event's dataset's) namespace. Needs the `reader` role (src/app/server.ts).
 */
export function mountEventStoreRoutes(app: Express, store: LineageEventStore, maxPageSize: number, budgetMs: number): void {
  const router = express.Router();
  router.get('/events/lineage', withRequestScope(budgetMs), async (req, res) => {
    res.json(await store.list(listQuery(req, maxPageSize)));
  });
  router.use(httpErrorHandler('rest'));
  app.use('/api/v1', router);
}

function listQuery(req: Request, maxPageSize: number): EventQuery {
  const q = req.query as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const v = q[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new BadInputError(`${name} must be given once.`, name);
    return v;
  };
  const time = (name: string, fallback: string): Date => {
    const v = text(name) ?? fallback;
    const t = parseEventTime(v);
    if (!t) throw new BadInputError(`${name} must be an ISO 8601 date-time, got '${v}'.`, name);
    return t;
  };
  const int = (name: string, fallback: number, max: number): number => {
    const v = text(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) > max) throw new BadInputError(`${name} must be an integer from 0 to ${max}, got '${v}'.`, name);
    return Number(v);
  };
  const direction = (text('sortDirection') ?? 'desc').toLowerCase();
  if (direction !== 'asc' && direction !== 'desc') throw new BadInputError(`sortDirection must be asc or desc, got '${direction}'.`, 'sortDirection');
  const namespace = text('namespace');
  return {
    after: time('after', DEFAULT_AFTER), before: time('before', DEFAULT_BEFORE), namespace: namespace || null,
    ascending: direction === 'asc', limit: int('limit', 100, maxPageSize), offset: int('offset', 0, Number.MAX_SAFE_INTEGER),
  };
}

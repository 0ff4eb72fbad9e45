import express, { Express, NextFunction, Request, Response } from 'express';
import { withRequestScope } from '../app/request-scope-middleware';
import { log } from '../common/log';
import { translateError } from '../common/translate-error';
import { InvalidEventError, OpenLineageIngestService } from './ingest.service';

/**
 * The OpenLineage HTTP API, as Marquez serves it: `POST /api/v1/lineage` (one event: 201, empty
 * body) and `POST /api/v1/lineage/batch` (an array: 200 with a per-event summary). Bodies are
 * JSON, optionally `Content-Encoding: gzip`, whatever the Content-Type (clients differ).
 */
export function mountLineageRoutes(app: Express, service: OpenLineageIngestService, maxBytes: number, budgetMs: number): void {
  const router = express.Router();
  // maxBytes bounds the body after gzip is inflated, so a small gzip bomb is refused too.
  router.use(express.json({ limit: maxBytes, type: () => true, inflate: true, strict: false }), withRequestScope(budgetMs));

  router.post('/lineage', async (req, res, next) => {
    try {
      if (Array.isArray(req.body)) {
        res.status(400).json({ error: 'Send one event here; arrays go to /api/v1/lineage/batch.' });
        return;
      }
      await service.ingest(req.body);
      res.status(201).end();
    } catch (e) { next(e); }
  });

  router.post('/lineage/batch', async (req, res, next) => {
    try {
      if (!Array.isArray(req.body)) {
        res.status(400).json({ error: 'The batch endpoint takes a JSON array of events.' });
        return;
      }
      res.status(200).json(await service.ingestBatch(req.body));
    } catch (e) { next(e); }
  });

  router.use(toHttpError(maxBytes));
  app.use('/api/v1', router);
}

function toHttpError(maxBytes: number) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof InvalidEventError) {
      res.status(400).json({ error: 'Invalid OpenLineage event.', reasons: err.reasons });
      return;
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: `The request body is larger than ${maxBytes} bytes (after decompression); send fewer events per request.` });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: 'The request body is not valid JSON.', reasons: [(err as Error).message] });
      return;
    }
    if (type === 'encoding.unsupported') {
      res.status(415).json({ error: 'Unsupported Content-Encoding: send JSON, plain or gzip.' });
      return;
    }
    // Anything else went wrong below: coded as on /graphql (UNAVAILABLE while Neo4j is down, ...).
    const error = translateError(err);
    const status = HTTP_STATUS[error.code] ?? 500;
    if (status === 503) res.setHeader('retry-after', '1');
    if (status === 500) log.error({ err }, 'openlineage ingestion failed');
    res.status(status).json({ error: error.message, code: error.code });
  };
}

const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503, TIMEOUT: 504 };

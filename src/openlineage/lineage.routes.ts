import express, { Express } from 'express';
import { httpErrorHandler } from '../app/http-errors';
import { withRequestScope } from '../app/request-scope-middleware';
import { BadInputError } from '../common/errors';
import { OpenLineageIngestService } from './ingest.service';

/**
 * The OpenLineage HTTP API, as Marquez serves it: `POST /api/v1/lineage` (one event: 201, empty
 * body) and `POST /api/v1/lineage/batch` (an array: 200 with a per-event summary). Bodies are
 * JSON, optionally `Content-Encoding: gzip`; unlike Marquez, the Content-Type must say JSON
 * (checked for every /api/v1 write in src/app/server.ts, against cross-site posts). Errors
 * are answered in the REST shape (src/app/http-errors.ts): an invalid event is a 400
 * BAD_USER_INPUT with the schema's `reasons`.
 */
export function mountLineageRoutes(app: Express, service: OpenLineageIngestService, maxBytes: number, budgetMs: number, concurrency: number): void {
  const router = express.Router();
  // maxBytes bounds the body after gzip is inflated, so a small gzip bomb is refused too.
  router.use(express.json({ limit: maxBytes, type: () => true, inflate: true, strict: false }), withRequestScope(budgetMs, concurrency));

  router.post('/lineage', async (req, res) => {
    if (Array.isArray(req.body)) throw new BadInputError('Send one event here; arrays go to /api/v1/lineage/batch.');
    await service.ingest(req.body);
    res.status(201).end();
  });

  router.post('/lineage/batch', async (req, res) => {
    if (!Array.isArray(req.body)) throw new BadInputError('The batch endpoint takes a JSON array of events.');
    res.status(200).json(await service.ingestBatch(req.body));
  });

  router.use(httpErrorHandler('rest', `The request body is larger than ${maxBytes} bytes (after decompression); send fewer events per request.`));
  app.use('/api/v1', router);
}

import express, { Express, Request } from 'express';
import { httpErrorHandler } from '../../app/http-errors';
import { withRequestScope } from '../../app/request-scope-middleware';
import { AppError, BadInputError } from '../../common/errors';
import { OutcomesService } from './outcomes.service';

/**
 * `POST /api/v1/outcomes?ensemble=<name>`: a batch of outcomes as a JSON array, or as NDJSON (one
 * outcome per line, Content-Type application/x-ndjson), optionally gzip-compressed
 * (Content-Encoding: gzip); an `Idempotency-Key` header names the batch so that a retry is not
 * counted twice. Answers 200 with what recordOutcomes returns; errors in the REST shape
 * (src/app/http-errors.ts): an invalid outcome is a 400 BAD_USER_INPUT naming it, and nothing is written.
 */
export function mountOutcomeRoutes(app: Express, service: OutcomesService, maxBytes: number, budgetMs: number, concurrency: number): void {
  const router = express.Router();
  // The body as text, so JSON and NDJSON share one limit (after gzip is inflated: a small gzip bomb is refused too).
  router.use('/outcomes', express.text({ limit: maxBytes, type: () => true, inflate: true }), withRequestScope(budgetMs, concurrency));
  router.post('/outcomes', async (req, res) => {
    const ensemble = req.query.ensemble;
    if (typeof ensemble !== 'string') throw new BadInputError('Name the ensemble: POST /api/v1/outcomes?ensemble=<name>.', 'ensemble');
    res.status(200).json(await service.record(ensemble, parseBody(req), req.get('idempotency-key') ?? null));
  });
  router.use(httpErrorHandler('rest', `The request body is larger than ${maxBytes} bytes (after decompression); send fewer outcomes per request.`));
  app.use('/api/v1', router);
}

function parseBody(req: Request): unknown {
  const text = typeof req.body === 'string' ? req.body : '';
  const ndjson = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase() === 'application/x-ndjson';
  if (!ndjson) return parseJson(text, 'The request body');
  const lines = text.split('\n');
  const out: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '') out.push(parseJson(lines[i], `Line ${i + 1} of the NDJSON body`));
  }
  return out;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError(`${what} is not valid JSON: ${(e as Error).message}`, 'BAD_REQUEST');
  }
}

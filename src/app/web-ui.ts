import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { projectRoot } from '../common/paths';

/** Where `npm run build` (scripts/build-ui.js) puts the web UI. */
const UI_DIR = path.join(projectRoot, 'dist', 'ui');

/** Paths the service answers itself: never the UI's, even when they are not found. */
const SERVICE_PATHS = /^\/(graphql|graphiql|api|healthz|readyz|metrics)(\/|$)/;

/**
 * The web UI at `/`: its built files (hashed names, cached long; index.html never cached, so a new
 * build is picked up), and index.html for every other GET of a page, so that client routes
 * (/models/fraud, /lineage?…) open on reload. Mounted after the service's own routes.
 */
export function webUiRouter(): express.Router {
  const router = express.Router();
  const index = path.join(UI_DIR, 'index.html');
  router.use('/assets', express.static(path.join(UI_DIR, 'assets'), { maxAge: '365d', immutable: true }),
    (_req: express.Request, res: express.Response) => { res.status(404).end(); });
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVICE_PATHS.test(req.path) || !req.accepts('html')) return next();
    if (!fs.existsSync(index)) {
      res.status(404).type('text').send('The web UI is not built: run `npm run build`.');
      return;
    }
    res.sendFile(index, { headers: { 'cache-control': 'no-cache' } });
  });
  return router;
}

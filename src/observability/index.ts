import type { Express, Request, Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { authenticateHttp } from '../auth/http-auth';
import { registry } from './metrics';

/** GET /metrics (Prometheus text format). With auth on, any valid key may read it (scrapers send a bearer token). */
export function mountMetrics(app: Express, auth: AuthService): void {
  app.get('/metrics', authenticateHttp(auth, 'rest'), async (_req: Request, res: Response) => {
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });
}

export { observeStatement } from './metrics';
export { requestLog } from './request-log';
export { graphqlMetricsPlugin } from './graphql-metrics';

import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import { Config } from '../config';
import { Db } from '../db/db';
import { isMigrated } from '../db/migrate';
import { currentScope } from '../db/request-scope';
import { formatError } from '../common/translate-error';
import { log } from '../common/log';
import { auditIngestion, auditPlugin } from '../audit/audit-hooks';
import { AuditService } from '../audit/audit.service';
import { ApiContext, authorizationPlugin } from '../auth/auth.plugin';
import { AuthService } from '../auth/auth.service';
import { authenticateHttp, principalOf, requireRoleHttp, sendError } from '../auth/http-auth';
import { Role } from '../auth/roles';
import { AppError, UnavailableError } from '../common/errors';
import { queryLimitsPlugin } from './query-limits';
import { graphqlMetricsPlugin, mountMetrics, observeStatement, requestLog } from '../observability';
import { countError } from '../observability/metrics';
import { modules } from '../modules';
import { Container } from './container';
import { graphiqlRouter } from './graphiql';
import { buildAppSchema } from './schema';
import { withRequestScope } from './request-scope-middleware';

export interface App {
  app: express.Express;
  httpServer: http.Server;
  container: Container;
  /** Stops accepting requests, drains in-flight ones, stops Apollo. Does not close the Db. */
  close(): Promise<void>;
}

/** Reports how many Cypher statements an operation sent, as a response header (N+1 made visible). */
const statementCountPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const scope = currentScope();
        if (scope) response.http.headers.set('x-cypher-statements', String(scope.statements));
      },
    };
  },
};

export async function createApp(db: Db, config: Config): Promise<App> {
  const container = new Container(db, config);
  for (const m of modules) m.register(container);
  const schema = await buildAppSchema(container);
  const auth = container.get(AuthService);
  const audit = container.get(AuditService);
  if (config.auth.adminKey) await auth.ensureAdminKey(config.auth.adminKey);
  db.statementObserver = observeStatement;

  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.limits.introspection,
    // main.ts owns SIGINT/SIGTERM: it drains, closes the driver and stops the embedded Neo4j. Apollo's
    // own handlers would stop the server first and re-raise the signal, racing that sequence.
    stopOnTerminationSignals: false,
    // Order matters: a caller without the role learns that before anything about the query's cost.
    // Cache control (on by default) wraps every field resolver to compute cache hints nobody reads
    // here: a measurable share of a large impact's execution.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), statementCountPlugin, authorizationPlugin,
      queryLimitsPlugin({ ...config.limits, maxPageSize: config.maxPageSize }), graphqlMetricsPlugin, auditPlugin(audit)],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(requestLog);
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    try {
      if (!db.availability.isUp) throw new Error('Neo4j is unreachable');
      await db.ping();
      if (!(await isMigrated(db))) throw new Error('migrations not applied');
      res.json({ status: 'ready' });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', reason: (e as Error).message });
    }
  });
  mountMetrics(app, auth);
  app.use('/graphiql', graphiqlRouter());
  // REST routes of modules (OpenLineage ingestion): authenticated before their bodies are read;
  // reading needs `reader`, anything else (ingestion) `writer`; accepted ingestions are audited.
  app.use('/api/v1', authenticateHttp(auth, 'rest'),
    requireRoleHttp((req) => (['GET', 'HEAD'].includes(req.method) ? Role.READER : Role.WRITER), 'This request'),
    auditIngestion(audit));
  for (const m of modules) m.routes?.(app, container);
  app.use('/graphql', authenticateHttp(auth, 'graphql'), express.json({ limit: config.limits.maxBody }),
    withRequestScope(config.limits.requestTimeoutMs),
    expressMiddleware(apollo, { context: async ({ req, res }) => ({ principal: principalOf(res), req, res }) }),
    graphqlBodyErrors(config.limits.maxBody));

  return {
    app, httpServer, container,
    async close() {
      await apollo.stop(); // the drain plugin closes the HTTP server and waits for in-flight requests
    },
  };
}


/** Body errors of /graphql as GraphQL-shaped JSON: 413 for an oversize body, 400 for bad JSON. */
function graphqlBodyErrors(maxBody: string) {
  return (err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void => {
    const type = (err as { type?: string }).type;
    if (res.headersSent) { next(err); return; }
    if (type === 'entity.too.large') {
      countError(res, 'PAYLOAD_TOO_LARGE');
      res.status(413).json({ errors: [{ message: `The request body is larger than ${maxBody} (MODELGRAPH_MAX_BODY).`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      countError(res, 'BAD_REQUEST');
      res.status(400).json({ errors: [{ message: `The request body is not valid JSON: ${(err as Error).message}`, extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      log.error({ err }, 'unexpected error serving /graphql');
      sendError(res, err instanceof AppError ? err : new UnavailableError('The request could not be served; try again.'), 'graphql');
    }
  };
}

export { log };

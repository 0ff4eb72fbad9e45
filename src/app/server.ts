import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import { Config } from '../config';
import { Db } from '../db/db';
import { isMigrated } from '../db/migrate';
import { WarmUp } from '../db/warm-up';
import { currentScope } from '../db/request-scope';
import { HTTP_STATUS } from '../common/errors';
import { isPoolExhausted } from '../common/availability';
import { formatError } from '../common/translate-error';
import { auditIngestion, auditPlugin } from '../audit/audit-hooks';
import { AuditService } from '../audit/audit.service';
import { ApiContext, authorizationPlugin } from '../auth/auth.plugin';
import { AuthService } from '../auth/auth.service';
import { authenticateHttp, principalOf, requireRoleHttp } from '../auth/http-auth';
import { Role } from '../auth/roles';
import { jitGateway } from './jit-executor';
import { queryLimitsPlugin } from './query-limits';
import { graphqlMetricsPlugin, mountMetrics, observeStatement, requestLog } from '../observability';
import { countError } from '../observability/metrics';
import { modules } from '../modules';
import { Container } from './container';
import { graphiqlRouter } from './graphiql';
import { httpErrorHandler } from './http-errors';
import { requireJsonContentType } from './json-content-type';
import { assignRequestId } from './request-id';
import { buildAppSchema } from './schema';
import { serveSubscriptions } from './subscriptions';
import { withRequestScope } from './request-scope-middleware';
import { requireWellFormedGraphqlInput } from './well-formed-input';
import { webUiRouter } from './web-ui';

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

/**
 * How long /readyz waits for the start-up warm-up (db/warm-up.ts) at most: a balancer that sends
 * traffic only once ready thus sends it to compiled statements, and a slow warm-up (a loaded
 * machine) does not keep the service out of rotation for long; the warm-up goes on regardless.
 */
export const WARM_UP_READY_WITHIN_MS = 60_000;

export async function createApp(db: Db, config: Config, warmUp?: Pick<WarmUp, 'settled'>): Promise<App> {
  const warmUpSince = Date.now();
  const container = new Container(db, config);
  for (const m of modules) m.register(container);
  const schema = await buildAppSchema(container);
  const auth = container.get(AuthService);
  const audit = container.get(AuditService);
  if (config.auth.adminKey) await auth.ensureAdminKey(config.auth.adminKey);
  db.statementObserver = observeStatement;

  const app = express();
  const httpServer = http.createServer(app);
  await container.events.ready();
  const subscriptions = serveSubscriptions(httpServer, schema, auth, { ...config.limits, maxPageSize: config.maxPageSize });
  const apollo = new ApolloServer<ApiContext>({
    gateway: jitGateway(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.limits.introspection,
    // Without introspection, "Did you mean ...?" in validation errors would still spell out the schema.
    hideSchemaDetailsFromClientErrors: !config.limits.introspection,
    // The document itself is bounded before validation or the limits plugin look at it.
    parseOptions: { maxTokens: config.limits.maxTokens },
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
  // No ETag on generated answers: express hashes every body for it (a 90 KB impact answer, 0.2-0.4 ms of
  // CPU per request) for conditional GETs no client of this API makes; files keep theirs (sendFile).
  app.set('etag', false);
  app.use(assignRequestId, requestLog);
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    if (warmUp && !warmUp.settled && Date.now() - warmUpSince < WARM_UP_READY_WITHIN_MS) {
      res.status(HTTP_STATUS.UNAVAILABLE).json({ status: 'unavailable', reason: 'compiling Cypher statements (warm-up)' });
      return;
    }
    try {
      if (!db.availability.isUp) throw new Error('Neo4j is unreachable');
      await db.ping();
      if (!(await isMigrated(db))) throw new Error('migrations not applied');
      res.json({ status: 'ready' });
    } catch (e) {
      // Every connection busy is load, not an outage: still ready (requests get RATE_LIMITED meanwhile).
      if (isPoolExhausted(e)) { res.json({ status: 'ready', busy: true }); return; }
      countError(res, 'UNAVAILABLE');
      res.status(HTTP_STATUS.UNAVAILABLE).json({ status: 'unavailable', reason: (e as Error).message });
    }
  });
  mountMetrics(app, auth);
  app.use('/graphiql', graphiqlRouter(config.auth.enabled));
  // REST routes of modules (OpenLineage ingestion): authenticated before their bodies are read;
  // reading needs `reader`, anything else (ingestion) `writer` and a JSON body (no cross-site
  // form posts); accepted ingestions are audited.
  app.use('/api/v1', authenticateHttp(auth, 'rest'),
    requireRoleHttp((req) => (['GET', 'HEAD'].includes(req.method) ? Role.READER : Role.WRITER), 'This request'),
    requireJsonContentType,
    auditIngestion(audit));
  for (const m of modules) m.routes?.(app, container);
  app.use('/graphql', authenticateHttp(auth, 'graphql'), express.json({ limit: config.limits.maxBody }), requireWellFormedGraphqlInput,
    withRequestScope(config.limits.requestTimeoutMs, config.limits.requestConcurrency),
    expressMiddleware(apollo, { context: async ({ req, res }) => ({ principal: principalOf(res), req, res }) }),
    httpErrorHandler('graphql', `The request body is larger than ${config.limits.maxBody} (MODELGRAPH_MAX_BODY).`));
  // The web UI at `/` (its files and client routes), after every route of the service.
  app.use(webUiRouter());
  // Whatever else fails (e.g. /metrics) answers in the REST shape too, never with a stack trace.
  app.use(httpErrorHandler('rest'));
  // Background work of modules (timers), stopped with the app.
  const stops = modules.map((m) => m.start?.(container)).filter((stop) => stop !== undefined);

  return {
    app, httpServer, container,
    async close() {
      await subscriptions.dispose(); // WebSocket clients are told the server is going away
      await apollo.stop(); // the drain plugin closes the HTTP server and waits for in-flight requests
      await Promise.all(stops.map((stop) => stop()));
      await container.close(); // timers and connections that modules started (alert evaluation, Redis)
    },
  };
}

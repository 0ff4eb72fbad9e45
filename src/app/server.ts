import crypto from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { Config } from '../config';
import { Db } from '../db/db';
import { isMigrated } from '../db/migrate';
import { currentScope, newScope, requestScope } from '../db/request-scope';
import { formatError } from '../common/translate-error';
import { log } from '../common/log';
import { modules } from '../modules';
import { Container } from './container';
import { graphiqlRouter } from './graphiql';
import { buildAppSchema } from './schema';

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

  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.MODELGRAPH_INTROSPECTION !== 'false',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), statementCountPlugin],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.ping();
      if (!(await isMigrated(db))) throw new Error('migrations not applied');
      res.json({ status: 'ready' });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', reason: (e as Error).message });
    }
  });
  app.use('/graphiql', graphiqlRouter());
  for (const m of modules) m.routes?.(app, container);
  app.use('/graphql', express.json({ limit: process.env.MODELGRAPH_MAX_BODY ?? '2mb' }), withRequestScope,
    expressMiddleware(apollo, { context: async () => ({}) }));

  return {
    app, httpServer, container,
    async close() {
      await apollo.stop(); // the drain plugin closes the HTTP server and waits for in-flight requests
    },
  };
}

/**
 * Runs the rest of the request inside its own scope. Mounted after body parsing so that the scope
 * is entered from the handler chain itself, and everything Apollo awaits inherits it.
 */
function withRequestScope(req: express.Request, res: express.Response, next: express.NextFunction): void {
  const requestId = (req.header('x-request-id') ?? '').slice(0, 100) || crypto.randomUUID();
  res.setHeader('x-request-id', requestId);
  requestScope.run(newScope(requestId), next);
}

export { log };

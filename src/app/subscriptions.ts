import type http from 'node:http';
import { getOperationAST, GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AuthService } from '../auth/auth.service';
import { authorize, requiredRole } from '../auth/authorize';
import { Principal } from '../auth/roles';
import { AppError, BadInputError } from '../common/errors';
import { jsonProblem, MAX_JSON_DEPTH } from '../common/validate';
import { checkOperationLimits, QueryLimits } from './query-limits';
import { MAX_GRAPHQL_REQUEST_DEPTH } from './well-formed-input';

/** The guards POST /graphql puts on a document, applied to subscriptions too. */
export interface SubscriptionLimits extends QueryLimits { maxTokens: number }

/**
 * GraphQL subscriptions over graphql-ws on the HTTP server's own port and path (/graphql): a
 * WebSocket upgrade there is a subscription client, a POST a query or mutation. The API key comes
 * in the connection_init message's payload (`{ "authorization": "Bearer <key>" }`, as the HTTP
 * header would); a missing or bad key closes the socket (4403). Each operation needs its role as
 * over HTTP (src/auth/authorize.ts); only subscriptions are served here, so that mutations keep
 * the one path with the audit trail. A subscription's document gets the guards a POST's has: no
 * lone surrogate and bounded nesting in the whole message (src/app/well-formed-input.ts), at most
 * maxTokens, and the depth and cost limits (src/app/query-limits.ts).
 */
export function serveSubscriptions(httpServer: http.Server, schema: GraphQLSchema, auth: AuthService, limits: SubscriptionLimits): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const principals = new WeakMap<object, Principal>();
  const cleanup = useServer({
    schema,
    onConnect: async (ctx) => {
      const header = ctx.connectionParams?.authorization;
      try {
        principals.set(ctx, await auth.authenticate(typeof header === 'string' ? header : undefined));
        return true;
      } catch {
        return false;
      }
    },
    onSubscribe: (ctx, _id, payload) => {
      const problem = jsonProblem(payload, MAX_GRAPHQL_REQUEST_DEPTH);
      if (problem) {
        const depth = problem.startsWith('is nested') ? ` (a JSON argument may nest at most ${MAX_JSON_DEPTH} levels)` : '';
        return [new BadInputError(`The subscription ${problem}${depth}.`)];
      }
      let document;
      try {
        document = parse(payload.query, { maxTokens: limits.maxTokens });
      } catch (e) {
        return [e as GraphQLError];
      }
      const errors = validate(schema, document);
      if (errors.length) return errors;
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [new GraphQLError('The document names no operation to run.')];
      if (operation.operation !== 'subscription') {
        return [new AppError('Only subscriptions are served over WebSocket: send queries and mutations to POST /graphql.', 'BAD_USER_INPUT')];
      }
      const principal = principals.get(ctx)!;
      try {
        // As over HTTP: a caller without the role learns that before anything about the cost.
        authorize(principal, requiredRole(schema, document, operation), 'This subscription');
        checkOperationLimits(schema, document, operation, payload.variables, limits);
      } catch (e) {
        return [e as GraphQLError];
      }
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: { principal } };
    },
  }, wsServer);
  // graphql-ws's dispose closes the clients and the WebSocket server; a second close (an app closed
  // twice) would reject with "The server is not running", so it is done once and its promise kept.
  let disposed: Promise<void> | undefined;
  return { dispose: () => (disposed ??= Promise.resolve(cleanup.dispose())) };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response } from 'express';
import { perOperation } from '../app/per-operation';
import { currentScope } from '../db/request-scope';
import { authorize, requiredRole } from './authorize';
import { Principal } from './roles';

/** What every resolver and plugin gets as the GraphQL context. */
export interface ApiContext {
  principal: Principal;
  req: Request;
  res: Response;
}

/** The role an operation needs depends on its document alone: worked out once per query text. */
const roleOf = perOperation(requiredRole);

/**
 * Authorization for every GraphQL operation, once it is parsed and validated and before anything
 * runs: the role the operation needs (src/auth/authorize.ts) against the caller's. Resolvers
 * never check roles themselves. (Authentication happened earlier, in authenticateHttp.)
 */
export const authorizationPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, schema, document, operation }) {
        if (!operation) return; // graphql-js has refused the document already
        const scope = currentScope();
        if (scope) scope.keyId = contextValue.principal.keyId;
        const needed = roleOf(schema, document, operation);
        authorize(contextValue.principal, needed, operation.operation === 'mutation' ? 'This mutation' : 'This operation');
      },
    };
  },
};

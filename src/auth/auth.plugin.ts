import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response } from 'express';
import { currentScope } from '../db/request-scope';
import { authorize, requiredRole } from './authorize';
import { Principal } from './roles';

/** What every resolver and plugin gets as the GraphQL context. */
export interface ApiContext {
  principal: Principal;
  req: Request;
  res: Response;
}

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
        const needed = requiredRole(schema, document, operation);
        authorize(contextValue.principal, needed, operation.operation === 'mutation' ? 'This mutation' : 'This operation');
      },
    };
  },
};

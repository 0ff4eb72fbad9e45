import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { ApiContext } from '../auth/auth.plugin';
import { errorsByCode, graphqlMutations, graphqlOperations } from './metrics';

/** Counts operations, mutation fields and error codes, and names the operation in the request log. */
export const graphqlMetricsPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operation, operationName, contextValue }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
        const outcome = errors.length ? 'error' : 'ok';
        for (const e of errors) errorsByCode.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        const type = operation?.operation ?? 'invalid';
        graphqlOperations.inc({ type, outcome });
        contextValue.res.locals.operation = { type, name: operationName ?? '(anonymous)' };
        if (operation?.operation === 'mutation') {
          for (const sel of operation.selectionSet.selections) {
            if (sel.kind === Kind.FIELD) graphqlMutations.inc({ field: sel.name.value, outcome });
          }
        }
      },
    };
  },
};

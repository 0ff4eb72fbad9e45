import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Kind } from 'graphql';
import { requestIdOf } from '../app/request-id';
import type { ApiContext } from '../auth/auth.plugin';
import { principalOf } from '../auth/http-auth';
import { currentScope } from '../db/request-scope';
import { AuditService } from './audit.service';

/**
 * Every mutation leaves an audit record: who, which operation and fields, and the ids of what it
 * changed, whatever fields the client selected. A change is recorded inside its own transaction
 * (the scope's AuditContext, appended by Db.write before commit). A mutation that committed
 * nothing (refused, failed: its change rolled back, or a no-op) is recorded once its response is
 * known, with its error codes and no node ids; so is a partly failed one, beside its changes.
 */
export function auditPlugin(audit: AuditService): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          const scope = currentScope();
          if (!audit.enabled || operation?.operation !== 'mutation' || !scope) return;
          scope.audit = audit.contextFor({
            actor: contextValue.principal.keyId, actorName: contextValue.principal.name, kind: 'graphql',
            operation: operationName ?? '(anonymous)', fields: fieldsOf(operation.selectionSet.selections), requestId: requestIdOf(contextValue.res),
          });
        },
        async willSendResponse({ response, operation, operationName, contextValue }) {
          if (!audit.enabled || operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if ((currentScope()?.audit?.committed ?? 0) > 0 && !errors?.length) return; // on record, in its transactions
          await audit.record({
            actor: contextValue.principal.keyId, actorName: contextValue.principal.name, kind: 'graphql',
            operation: operationName ?? '(anonymous)', fields: fieldsOf(operation.selectionSet.selections), nodeIds: [],
            requestId: requestIdOf(contextValue.res),
            outcome: errors?.length ? 'error' : 'ok',
            errorCodes: [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))],
          });
        },
      };
    },
  };
}

function fieldsOf(selections: readonly { kind: Kind; name?: { value: string } }[]): string[] {
  return selections.flatMap((s) => (s.kind === Kind.FIELD && s.name ? [s.name.value] : []));
}

/**
 * OpenLineage ingestion (POST /api/v1/lineage[/batch]): every transaction that stores events
 * records itself, naming the runs (and dataset versions) it wrote, so a batch whose events were
 * applied in several transactions has a record for each, and a refused event none. The context
 * travels in res.locals until the route's request scope takes it (withRequestScope).
 */
export function auditIngestion(audit: AuditService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (audit.enabled && req.method === 'POST') {
      const principal = principalOf(res);
      const path = req.originalUrl.split('?')[0]; // req.path is rewritten while express routes
      res.locals.audit = audit.contextFor({
        actor: principal.keyId, actorName: principal.name, kind: 'openlineage', operation: `POST ${path}`,
        fields: [path.replace(/^\/api\/v1\//, '')], requestId: requestIdOf(res),
      });
    }
    next();
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Kind } from 'graphql';
import { requestIdOf } from '../app/request-id';
import type { ApiContext } from '../auth/auth.plugin';
import { principalOf } from '../auth/http-auth';
import { AuditService, collectIds } from './audit.service';

/**
 * Every mutation leaves an audit record, refused and failed ones included (with their error
 * codes): who, which operation and fields, and the ids of the entities the response returned.
 * It is written before the response goes out.
 */
export function auditPlugin(audit: AuditService): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation, operationName, contextValue }) {
          if (!audit.enabled || operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          await audit.record({
            actor: contextValue.principal.keyId, actorName: contextValue.principal.name, kind: 'graphql',
            operation: operationName ?? '(anonymous)', fields, nodeIds: collectIds(data),
            requestId: requestIdOf(contextValue.res),
            outcome: errors?.length ? 'error' : 'ok',
            errorCodes: [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))],
          });
        },
      };
    },
  };
}

/**
 * OpenLineage ingestion (POST /api/v1/lineage[/batch]): one record per accepted request, naming
 * the runs of its events. Written when the response has gone out (the route is another module's;
 * this middleware only sees the request and the status), so a record may trail its request by
 * milliseconds, and an outage at that moment loses it to the log (see AuditService).
 */
export function auditIngestion(audit: AuditService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!audit.enabled || req.method !== 'POST') { next(); return; }
    res.on('finish', () => {
      if (res.statusCode >= 300) return;
      const events: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
      const runIds = events.map((e) => (e as { run?: { runId?: unknown } } | null)?.run?.runId).filter((id): id is string => typeof id === 'string');
      const principal = principalOf(res);
      const path = req.originalUrl.split('?')[0]; // req.path is rewritten while express routes
      void audit.record({
        actor: principal.keyId, actorName: principal.name, kind: 'openlineage', operation: `POST ${path}`,
        fields: [path.replace(/^\/api\/v1\//, '')], nodeIds: [...new Set(runIds)].slice(0, 1000),
        requestId: requestIdOf(res), outcome: 'ok', errorCodes: [],
      });
    });
    next();
  };
}

import { Module } from '../app/container';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The audit trail of mutations: written by src/audit/audit-hooks.ts, read by admins. */
export const auditModule: Module = {
  name: 'audit',
  resolvers: [AuditResolver],
  register(c) {
    const service = c.set(AuditService, new AuditService(new AuditRepository(c.db), c.config.maxPageSize, c.config.audit));
    c.set(AuditResolver, new AuditResolver(service));
  },
};

export { AuditService } from './audit.service';

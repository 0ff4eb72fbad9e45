import { Arg, Extensions, Query, Resolver } from 'type-graphql';
import { PageInput } from '../common/connection';
import { AuditService } from './audit.service';
import { AuditEventConnection, AuditEventFilter } from './audit.types';

@Resolver()
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @Extensions({ role: 'admin' })
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (admin).' })
  auditEvents(@Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
              @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) { return this.service.list(filter, page); }
}

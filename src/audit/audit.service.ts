import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { log } from '../common/log';
import { requestScope } from '../db/request-scope';
import { AuditRecord, AuditRepository } from './audit.repository';
import { AuditEvent, AuditEventFilter } from './audit.types';

/**
 * The audit trail. A record is written after its mutation committed, in its own transaction, and
 * before the response is sent: a client that saw success can find the record. The mutation is not
 * undone if that write fails (Neo4j went away in between): the failure is logged with the
 * record, so the log is the fallback trail.
 */
export class AuditService {
  constructor(private readonly repo: AuditRepository, private readonly maxPageSize: number, readonly enabled: boolean) {}

  async record(event: AuditRecord): Promise<void> {
    if (!this.enabled) return;
    try {
      // Outside the request's scope: not counted in its statement header, not bound by its time budget.
      await requestScope.exit(() => this.repo.record([event]));
    } catch (e) {
      log.error({ err: e, audit: event }, 'could not store an audit event');
    }
  }

  async list(filter: AuditEventFilter | undefined, page: PageInput | undefined): Promise<Page<AuditEvent>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.list({
      actor: filter?.actor ?? null, operation: filter?.operation ?? null, nodeId: filter?.nodeId ?? null,
      from: filter?.from ?? null, to: filter?.to ?? null, after: decodeCursor(page?.after), limit: first + 1,
    });
    return toPage(rows, first, (e) => [e.at.toISOString(), e.id]);
  }
}

/** Every string `id` in a response (the entities it returned), depth-first, at most `max`. */
export function collectIds(data: unknown, max = 1000, out = new Set<string>()): string[] {
  if (out.size >= max || data === null || typeof data !== 'object') return [...out];
  if (Array.isArray(data)) {
    for (const item of data) collectIds(item, max, out);
  } else {
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' && typeof v === 'string' && out.size < max) out.add(v);
      else collectIds(v, max, out);
    }
  }
  return [...out];
}

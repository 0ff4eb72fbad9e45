import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { log } from '../common/log';
import { AuditContext, requestScope } from '../db/request-scope';
import { AuditRecord, AuditRepository } from './audit.repository';
import { AuditEvent, AuditEventFilter } from './audit.types';

/** Who did what: an audit record but for its outcome and the ids of what changed. */
export type AuditSubject = Omit<AuditRecord, 'nodeIds' | 'outcome' | 'errorCodes'>;

/**
 * The audit trail. A change is recorded in its own transaction (contextFor: the record is the
 * transaction's last statement, naming what its statements changed), so there is no committed
 * change without its record and no record of a change that was rolled back. Attempts that changed
 * nothing (refused, failed) are recorded after the response is known, in a transaction of their
 * own (record); if that write fails (Neo4j went away) the record is logged instead.
 */
export class AuditService {
  /** Who each live context records as: a group's records are built from their contexts (recordAllIn). */
  private readonly subjects = new WeakMap<AuditContext, AuditSubject>();

  constructor(private readonly repo: AuditRepository, private readonly maxPageSize: number, readonly enabled: boolean) {}

  /** What a request's scope carries so that Db.write records each of its transactions (undefined when the trail is off). */
  contextFor(subject: AuditSubject): AuditContext | undefined {
    if (!this.enabled) return undefined;
    const context: AuditContext = {
      committed: 0,
      recordIn: (tx, changedIds) => context.recordAllIn(tx, [{ audit: context, changedIds }]),
      recordAllIn: (tx, shares) => this.repo.recordIn(tx, shares.map(({ audit, changedIds }) => ({
        ...this.subjectOf(audit), nodeIds: changedIds, outcome: 'ok', errorCodes: [],
      }))),
    };
    this.subjects.set(context, subject);
    return context;
  }

  private subjectOf(context: AuditContext): AuditSubject {
    const subject = this.subjects.get(context);
    if (!subject) throw new Error('an audit context of another audit trail');
    return subject;
  }

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

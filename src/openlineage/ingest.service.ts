import { Neo4jError } from 'neo4j-driver';
import { AppError, BadInputError, TimeoutError } from '../common/errors';
import { log } from '../common/log';
import { Transactions } from '../db/db';
import { AuditContext, currentScope, newScope, releaseScope, requestScope } from '../db/request-scope';
import { applyFailure, isEventsFault } from './apply-failure';
import { entityKeys, foldBatch } from './batch-fold';
import { replayVersions } from './batch-replay';
import { versionsToLoad } from './batch-versions';
import { changedBy } from './changed-by';
import { OlEvent } from './event.types';
import { planEvent } from './event-mapping';
import { GroupCommit, GroupPolicy } from './group-commit';
import { LineagePlan } from './lineage-plan.types';
import { OpenLineageIngestRepository } from './ingest.repository';
import { EventSchemaValidator } from './schema-validator';
import { LineageEventStore } from './event-store';

/** An event the spec's schemas reject: a 400 BAD_USER_INPUT with the reasons, nothing stored. */
export class InvalidEventError extends AppError {
  constructor(readonly reasons: string[]) {
    super('Invalid OpenLineage event.', 'BAD_USER_INPUT', { reasons });
  }
}

export interface BatchItemResult { index: number; status: 'accepted' | 'rejected'; errors?: string[] }
export interface BatchResult { status: 'success' | 'partial_success'; accepted: number; rejected: number; events: BatchItemResult[] }
/** A valid event and its place in the request. */
interface PlannedEvent { index: number; plan: LineagePlan; received: unknown }
/** A one-event request waiting for its group's transaction: its audit record and time budget are its own. */
interface GroupMember { plan: LineagePlan; received: unknown; audit?: AuditContext; deadline?: number; requestId: string }
/** Records to append to a transaction: each request's, naming what its own events changed. */
interface AuditShare { audit: AuditContext; plans: LineagePlan[] }

/**
 * Events per transaction: a batch larger than this is applied in several, in order, so one
 * transaction's state and locks stay bounded.
 */
export const EVENTS_PER_TRANSACTION = 500;

/**
 * How one-event requests are grouped (group-commit.ts).
 * - Two groups at once: with one, the service and Neo4j take turns (one folds while the other
 *   waits), so 4 clients kept ~1 of 2 cores busy; with two, one group is folded while the other is
 *   written (large graph, 4 clients: 71–99 → 94–127 events/s). Three made groups smaller and slower.
 * - A lone request that finds a group running waits up to 4 ms for a second: without it, most
 *   groups of 4 clients held one event (6.1 statements an event; with it 5.0–5.5). Paired on the
 *   large graph, 4 clients, 6 rounds: 100 → 112 events/s, less CPU an event on both sides
 *   (service 6.7 → 6.1 ms, Neo4j 7.8 → 7.1 ms); 8 ms was no better than 4.
 * Two groups naming the same run, job or dataset are serialized by load-batch's locks.
 */
const GROUPING: GroupPolicy = { maxItems: EVENTS_PER_TRANSACTION, turns: 2, lingerMs: 4 };

/**
 * OpenLineage ingestion: validate, map (pure), then apply the valid events of a request together,
 * set-based, with the same result as applying them one by one in order (batch-fold.ts,
 * batch-replay.ts). A single event is a batch of one: one code path. One-event requests that
 * arrive while groups are being applied share the next transaction (group commit).
 */
export class OpenLineageIngestService {
  private readonly validator = new EventSchemaValidator();
  private readonly groups = new GroupCommit<GroupMember>((members) => this.applyGroup(members), GROUPING);

  constructor(private readonly repo: OpenLineageIngestRepository, private readonly db: Transactions,
    /** Keeps each accepted event as received, in the transaction that folds it (replay). */
    private readonly store?: LineageEventStore) {}

  /**
   * One event (POST /api/v1/lineage): answered once it is committed, with its own outcome whatever
   * the others of its group did. What the database refused of this event's data (e.g. a value too
   * large to index) is the event's fault: a 400 naming the refusal, as the batch route reports it.
   */
  async ingest(event: unknown): Promise<void> {
    const check = this.validator.validate(event);
    if (!check.valid) throw new InvalidEventError(check.errors);
    const scope = currentScope();
    await this.groups.submit({ plan: planEvent(event as OlEvent), received: event, audit: scope?.audit, deadline: scope?.deadline, requestId: scope?.requestId ?? 'openlineage' });
  }

  /**
   * One group of one-event requests, in one transaction (outside any request's scope: its time
   * budget is the tightest of theirs), each audited by its own record. A request already past its
   * budget is answered TIMEOUT and left out; when the database refuses the group because of an
   * event, the group is applied again in halves down to the request at fault, as applyEach does.
   */
  private async applyGroup(members: GroupMember[]): Promise<unknown[]> {
    const now = Date.now();
    const errors: unknown[] = members.map((m) => (m.deadline !== undefined && m.deadline <= now
      ? new TimeoutError('The request ran past its time budget (MODELGRAPH_REQUEST_TIMEOUT_MS) waiting for the database; try again.') : undefined));
    const live = members.flatMap((member, i) => (errors[i] ? [] : [{ member, i }]));
    if (!live.length) return errors;
    const deadlines = live.flatMap(({ member }) => (member.deadline === undefined ? [] : [member.deadline]));
    const scope = { ...newScope(live[0].member.requestId), deadline: deadlines.length ? Math.min(...deadlines) : undefined };
    await requestScope.run(scope, () => this.applyMembers(live, errors)).finally(() => releaseScope(scope));
    return errors;
  }

  private async applyMembers(live: { member: GroupMember; i: number }[], errors: unknown[]): Promise<void> {
    const members = live.map((l) => l.member);
    try {
      await this.apply(members.map((m) => m.plan), members.map((m) => m.received),
        members.flatMap((m) => (m.audit ? [{ audit: m.audit, plans: [m.plan] }] : [])));
      for (const m of members) if (m.audit) m.audit.committed++;
    } catch (e) {
      if (!isEventsFault(e)) {
        for (const { i } of live) errors[i] = e;
      } else if (live.length === 1) {
        log.warn({ err: e, requestId: members[0].requestId }, 'openlineage: event could not be applied');
        // A bug (not the database's refusal) stays a 500, with its request id.
        errors[live[0].i] = e instanceof Neo4jError ? new BadInputError(applyFailure(e)) : e;
      } else {
        const half = Math.ceil(live.length / 2);
        await this.applyMembers(live.slice(0, half), errors);
        await this.applyMembers(live.slice(half), errors);
      }
    }
  }

  /**
   * A rejected event does not keep the others from being stored; its reasons are in the result.
   * Neither does an event the database refuses while it is applied (applyEach): the good events
   * are stored, the bad one is rejected with the reason, and nothing of it is written. A database
   * that is away or out of time is not the events' fault: that propagates (503/504), and nothing of
   * the transaction it hit was stored (of a batch over EVENTS_PER_TRANSACTION events, the
   * transactions before it were).
   */
  async ingestBatch(events: unknown[]): Promise<BatchResult> {
    const results: BatchItemResult[] = [];
    const valid: PlannedEvent[] = [];
    for (const [index, event] of events.entries()) {
      const check = this.validator.validate(event);
      if (check.valid) {
        valid.push({ index, plan: planEvent(event as OlEvent), received: event });
        results.push({ index, status: 'accepted' });
      } else {
        log.info({ index, reasons: check.errors }, 'openlineage batch: event rejected');
        results.push({ index, status: 'rejected', errors: check.errors });
      }
    }
    const refuse = (index: number, reason: string) => { results[index] = { index, status: 'rejected', errors: [reason] }; };
    for (let i = 0; i < valid.length; i += EVENTS_PER_TRANSACTION) await this.applyEach(valid.slice(i, i + EVENTS_PER_TRANSACTION), refuse);
    const rejected = results.filter((r) => r.status === 'rejected').length;
    return { status: rejected ? 'partial_success' : 'success', accepted: results.length - rejected, rejected, events: results };
  }

  /**
   * Applies events together (one transaction) and, when the database refuses that transaction
   * because of what an event holds, again in halves, in order, down to the single event at fault,
   * which is refused: every other event is stored as if the batch had been sent without it, and a
   * clean batch still costs one transaction. Rolled back whole, a refused event leaves nothing.
   */
  private async applyEach(events: PlannedEvent[], refuse: (index: number, reason: string) => void, top = true): Promise<number> {
    try {
      await this.apply(events.map((e) => e.plan), events.map((e) => e.received));
      return 0;
    } catch (e) {
      if (!isEventsFault(e)) throw e;
      if (events.length === 1) {
        log.warn({ err: e, index: events[0].index }, 'openlineage batch: event could not be applied');
        refuse(events[0].index, applyFailure(e));
        return 1;
      }
      const half = Math.ceil(events.length / 2);
      const refused = await this.applyEach(events.slice(0, half), refuse, false) + await this.applyEach(events.slice(half), refuse, false);
      // Every event refused on its own: the failure is the database's, not theirs (the client retries).
      if (top && refused === events.length) throw e;
      return refused;
    }
  }

  /**
   * Folds events again that were stored before (replay): mapped with today's rules, not stored a
   * second time. Folding is idempotent, so replaying what is already in the graph changes nothing.
   * Returns the reasons of events the schemas refuse now (skipped).
   */
  async refold(events: unknown[]): Promise<string[][]> {
    const plans: LineagePlan[] = [];
    const refused: string[][] = [];
    for (const event of events) {
      const check = this.validator.validate(event);
      if (check.valid) plans.push(planEvent(event as OlEvent));
      else refused.push(check.errors);
    }
    for (let i = 0; i < plans.length; i += EVENTS_PER_TRANSACTION) await this.apply(plans.slice(i, i + EVENTS_PER_TRANSACTION), []);
    return refused;
  }

  /**
   * One transaction, a constant number of statements: load the stored runs (locking them), jobs
   * and datasets; fold the events in order in memory; load the versions that folding showed the
   * events depend on; replay reads and writes of versions; write each kind of node and
   * relationship with one UNWIND. Retried whole on a deadlock, so the work is redone from the load.
   * `audits`: the records of requests sharing the transaction (a group), each naming what its own
   * events changed; else the request's own record is Db.write's.
   */
  private apply(plans: LineagePlan[], received: unknown[], audits: AuditShare[] = []): Promise<void> {
    // A batch = one transaction: the state is read (and its runs locked) and written in it; throwing rolls it all back.
    return this.db.write(async (tx) => {
      const batch = foldBatch(plans, await this.repo.loadEntities(tx, entityKeys(plans)));
      const stored = await this.repo.loadVersions(tx, versionsToLoad(batch));
      const versions = replayVersions(batch, stored);
      // The raw events and the group's audit records (one statement) go with the last step: one round trip fewer.
      await this.repo.write(tx, batch, versions, (t, ids) => Promise.all([
        this.store?.record(t, received),
        audits.length && audits[0].audit.recordAllIn(t, audits.map((a) => ({ audit: a.audit, changedIds: changedBy(a.plans, versions, ids) }))),
      ]));
    });
  }
}

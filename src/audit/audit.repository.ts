import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { AuditEvent } from './audit.types';

export type AuditRecord = ParamsOf<typeof Q.auditRecord>['events'][number];

/** The only code that talks to Neo4j about the audit trail. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async record(events: AuditRecord[]): Promise<void> {
    await this.db.write((tx) => tx.run(Q.auditRecord, { events }));
  }

  /** Appends records inside the transaction of the change they record (Db.write calls it before commit). */
  async recordIn(tx: Tx, events: AuditRecord[]): Promise<void> {
    await tx.run(Q.auditRecord, { events });
  }

  async list(p: ParamsOf<typeof Q.auditList>): Promise<AuditEvent[]> {
    return (await this.db.readOne((tx) => tx.run(Q.auditList, p))).map((r) => r.event);
  }
}

import { Db, Tx } from '../db/db';
import * as Q from '../generated/cypher';
import { NodeRef } from './lineage.types';
import { TraversalRow } from './traversal';

export interface ResolvedNode { elementId: string; id: string; label: string }

export type TraversalParams = { originElementId: string; asOf: Date | null; depth: number; maxNodes: number };

/** The only code that talks to Neo4j for impact, provenance and lineage: resolve a node, then traverse. */
export class LineageRepository {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one read transaction that Neo4j aborts after `timeoutMs` (→ TIMEOUT). */
  read<T>(work: (tx: Tx) => Promise<T>, timeoutMs: number): Promise<T> {
    return this.db.read(work, timeoutMs);
  }

  async resolve(tx: Tx, ref: NodeRef, asOf: Date | null): Promise<ResolvedNode | undefined> {
    return tx.one<ResolvedNode>(Q.lineageResolveNode, {
      type: ref.type, id: ref.id ?? null, namespace: ref.namespace ?? null, name: ref.name ?? null,
      version: ref.version ?? null, field: ref.field ?? null, model: ref.model ?? null, asOf,
    });
  }

  downstream(tx: Tx, p: TraversalParams): Promise<TraversalRow[]> {
    return tx.run<TraversalRow>(Q.lineageDownstream, p);
  }

  upstream(tx: Tx, p: TraversalParams): Promise<TraversalRow[]> {
    return tx.run<TraversalRow>(Q.lineageUpstream, p);
  }
}

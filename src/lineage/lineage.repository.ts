import { UnavailableError } from '../common/errors';
import { Db, Tx } from '../db/db';
import { requestScope } from '../db/request-scope';
import * as Q from '../generated/cypher';
import { TraversalRow } from './traversal';

export type TraversalParams = { originElementId: string; asOf: Date | null; depth: number; maxNodes: number };

/**
 * How traversals run: `procedures` (modelgraph.downstream/upstream, required), `cypher` (pure
 * Cypher, any Neo4j), `auto` (the procedures where the Neo4j has them). Same rows either way.
 */
export type TraversalEngine = 'auto' | 'procedures' | 'cypher';

/** The only code that talks to Neo4j for impact, provenance and lineage traversals (origins: src/graph/resolve-refs.ts). */
export class LineageRepository {
  private procedures?: Promise<boolean>;

  constructor(private readonly db: Db, private readonly engine: TraversalEngine = 'auto') {}

  /** Runs `work` in one read transaction that Neo4j aborts after `timeoutMs` (→ TIMEOUT). */
  read<T>(work: (tx: Tx) => Promise<T>, timeoutMs: number): Promise<T> {
    return this.db.read(work, timeoutMs);
  }

  async downstream(tx: Tx, p: TraversalParams): Promise<TraversalRow[]> {
    if (!(await this.useProcedures())) return tx.run<TraversalRow>(Q.lineageDownstream, p);
    const row = await tx.one<{ rows: string }>(Q.lineageDownstreamProcedure, p);
    return row ? (JSON.parse(row.rows) as TraversalRow[]) : [];
  }

  async upstream(tx: Tx, p: TraversalParams): Promise<TraversalRow[]> {
    return tx.run<TraversalRow>((await this.useProcedures()) ? Q.lineageUpstreamProcedure : Q.lineageUpstream, p);
  }

  /**
   * Asked once per process, outside any request's scope (it is not the request's statement), and
   * asked again after a failure (Neo4j may have been down) rather than guessing.
   */
  private useProcedures(): Promise<boolean> {
    if (this.engine === 'cypher') return Promise.resolve(false);
    this.procedures ??= requestScope.exit(() => this.db.read((tx) => tx.one<{ installed: boolean }>(Q.lineageProceduresInstalled, {})))
      .then((row) => {
        if (!row?.installed && this.engine === 'procedures') {
          throw new UnavailableError('MODELGRAPH_TRAVERSAL=procedures, but this Neo4j lacks modelgraph.downstream/upstream: install the plugin jar (README) or use auto.');
        }
        return row?.installed ?? false;
      })
      .catch((e) => { this.procedures = undefined; throw e; });
    return this.procedures;
  }
}

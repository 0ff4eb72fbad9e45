import { UnavailableError } from '../common/errors';
import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import { requestScope } from '../db/request-scope';
import * as Q from '../generated/cypher';
import { CheckedRef } from '../graph/node-ref-check';
import { ImpactQuery } from './impact-in-memory';
import { TraversalRow } from './traversal';

export type TraversalParams = ParamsOf<typeof Q.lineageDownstream>;

/**
 * How traversals run: `procedures` (modelgraph.downstream/upstream, required), `cypher` (pure
 * Cypher, any Neo4j), `auto` (the procedures where the Neo4j has them). Same rows either way.
 */
export type TraversalEngine = 'auto' | 'procedures' | 'cypher';

/** The only code that talks to Neo4j for impact, provenance and lineage traversals (origins: src/graph/resolve-refs.ts). */
export class LineageRepository {
  private procedures?: Promise<boolean>;

  constructor(private readonly db: Db, private readonly engine: TraversalEngine = 'auto') {}

  /**
   * The impact answer built in the store (modelgraph.impact), with the origin resolved in the same
   * statement: JSON of the page and the summary (src/lineage/impact-from-store.ts). Procedures only.
   */
  async impact(tx: Tx, of: CheckedRef, q: ImpactQuery & { maxNodes: number }): Promise<string> {
    const { type, id, namespace, name, version, field, model } = of;
    const after = q.after && { distance: q.after[0], type: q.after[1], label: q.after[2], id: q.after[3] };
    const row = await tx.one(Q.lineageImpactProcedure, {
      refs: [{ type, id, namespace, name, version, field, model }], asOf: q.asOf, knownAt: q.knownAt, depth: q.depth, maxNodes: q.maxNodes,
      maxPaths: q.maxPaths, servedOnly: q.servedOnly, types: q.types.length ? q.types : null, after, first: q.first,
    });
    return row!.json;
  }

  async downstream(tx: Tx, p: TraversalParams): Promise<TraversalRow[]> {
    if (!(await this.hasProcedures())) return tx.run(Q.lineageDownstream, p);
    const row = await tx.one(Q.lineageDownstreamProcedure, p);
    // The procedure's rows are downstream.cypher's, as one JSON array (test/traversal-engines.test.ts compares them).
    const rows: TraversalRow[] = row ? JSON.parse(row.rows) : [];
    return rows;
  }

  async upstream(tx: Tx, p: TraversalParams): Promise<TraversalRow[]> {
    if (!(await this.hasProcedures())) return tx.run(Q.lineageUpstream, p);
    const row = await tx.one(Q.lineageUpstreamProcedure, p);
    return row ? upstreamRowsOf(row.rows) : [];
  }

  /**
   * Asked once per process, outside any request's scope (it is not the request's statement), and
   * asked again after a failure (Neo4j may have been down) rather than guessing.
   */
  hasProcedures(): Promise<boolean> {
    if (this.engine === 'cypher') return Promise.resolve(false);
    this.procedures ??= requestScope.exit(() => this.db.readOne((tx) => tx.one(Q.lineageProceduresInstalled, {})))
      .then((row) => {
        if (!row?.installed && this.engine === 'procedures') {
          throw new UnavailableError('MODELGRAPH_TRAVERSAL=procedures, but this Neo4j lacks modelgraph.downstream/upstream/impact: install the plugin jar (README) or use auto.');
        }
        return row?.installed ?? false;
      })
      .catch((e) => { this.procedures = undefined; throw e; });
    return this.procedures;
  }
}

/** What upstream.cypher's rows hold as datetimes: in a run's props (LineageRules.RUN_PROPS). */
const RUN_DATETIMES = ['startedAt'] as const;

/**
 * upstreamJson's array as upstream.cypher's rows (test/traversal-engines.test.ts compares them): the
 * same values, but JSON has no datetime, so the procedure writes a run's startedAt as an ISO-8601
 * instant and it becomes a Date here, as the driver would have made it.
 */
export function upstreamRowsOf(json: string): TraversalRow[] {
  const rows = JSON.parse(json) as TraversalRow[];
  for (const row of rows) {
    for (const key of RUN_DATETIMES) {
      const value = row.props?.[key];
      if (typeof value === 'string') row.props![key] = new Date(value);
    }
  }
  return rows;
}

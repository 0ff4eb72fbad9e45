import { decodeCursor, PageInput, pageSize } from '../common/connection';
import { BadInputError } from '../common/errors';
import { Transactions } from '../db/db';
import { CheckedRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { notFound } from '../graph/resolve-refs';
import { LineageRepository } from './lineage.repository';
import { NodeRef } from './lineage.types';
import { ImpactResult } from './impact.types';
import { answerInMemory, ImpactQuery } from './impact-in-memory';
import { answerFromStore, StoreImpactAnswer } from './impact-from-store';
import { checkRange, TraversalLimits } from './traversal-limits';
import { checkNodeRef, resolveOrigins } from './node-ref';
import { toTraversal } from './traversal';

export interface ImpactArgs {
  of: NodeRef; depth?: number; maxPaths?: number; servedOnly?: boolean; asOf?: Date; knownAt?: Date; types?: NodeType[]; page?: PageInput;
}

/** Every type but a deployment, downstream of which nothing lies. */
const IMPACT_ORIGINS = Object.values(NodeType).filter((t) => t !== NodeType.DEPLOYMENT);

/**
 * Impact analysis. With the traversal procedures, one statement resolves the origin and answers in
 * the store (modelgraph.impact: only the page and the summary come back); without them, one resolve
 * and one traversal statement, then paths, serving and paging in memory (the specification).
 */
export class ImpactService {
  constructor(private readonly repo: LineageRepository, private readonly db: Transactions, private readonly limits: TraversalLimits, private readonly maxPageSize: number) {}

  async impact(args: ImpactArgs): Promise<ImpactResult> {
    const [of, q] = this.check(args);
    return (await this.repo.hasProcedures()) ? this.inStore(of, q) : this.inMemory(of, q);
  }

  /** The answer built in memory from the downstream rows, whichever engine gave them: what the store's must equal. */
  async impactInMemory(args: ImpactArgs): Promise<ImpactResult> {
    return this.inMemory(...this.check(args));
  }

  private async inStore(of: CheckedRef, q: ImpactQuery): Promise<ImpactResult> {
    const json = await this.db.readOne((tx) => this.repo.impact(tx, of, { ...q, maxNodes: this.limits.maxNodes }), this.limits.timeoutMs);
    const answer = JSON.parse(json) as StoreImpactAnswer;
    if (!answer.origins.length) throw notFound(of);
    return answerFromStore(answer, q);
  }

  private async inMemory(of: CheckedRef, q: ImpactQuery): Promise<ImpactResult> {
    const at = { asOf: q.asOf, knownAt: q.knownAt };
    const { rows, origins } = await this.db.read(async (tx) => {
      const origins = await resolveOrigins(tx, of, at);
      return { origins, rows: await this.repo.downstream(tx, { originElementIds: origins.elementIds, ...at, depth: q.depth, maxNodes: this.limits.maxNodes }) };
    }, this.limits.timeoutMs);
    return answerInMemory(toTraversal(rows, this.limits.maxNodes, origins.ids), q);
  }

  private check(args: ImpactArgs): [CheckedRef, ImpactQuery] {
    const of = checkNodeRef(args.of, IMPACT_ORIGINS, 'of');
    return [of, {
      depth: checkRange(args.depth, this.limits.defaultDepth, this.limits.maxDepth, 'depth'),
      maxPaths: checkRange(args.maxPaths, this.limits.defaultPaths, this.limits.maxPaths, 'maxPaths'),
      servedOnly: args.servedOnly ?? false, types: args.types ?? [], first: pageSize(args.page, this.maxPageSize),
      after: impactCursor(args.page?.after), asOf: args.asOf ?? null, knownAt: args.knownAt ?? null,
    }];
  }
}

/** An impact cursor is an item's (distance, type, label, id): any other decoded key was not issued here. */
function impactCursor(cursor: string | undefined): ImpactQuery['after'] {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const [distance, ...strings] = key;
  if (key.length === 4 && Number.isInteger(distance) && strings.every((s) => typeof s === 'string')) return key as ImpactQuery['after'];
  throw new BadInputError('The cursor is not one this service issued.', 'page.after');
}

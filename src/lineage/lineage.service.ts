import { Transactions } from '../db/db';
import { LineageRepository } from './lineage.repository';
import { NodeType } from '../graph/node-types';
import { LineageDirection, LineageEdge, LineageGraph, LineageNode, NodeRef } from './lineage.types';
import { checkRange, TraversalLimits } from './traversal-limits';
import { checkNodeRef, resolveOrigin } from './node-ref';
import { toTraversal, Traversal } from './traversal';

/** Lineage subgraphs for drawing: the downstream and/or upstream traversal, as nodes and stored edges. */
export class LineageService {
  constructor(private readonly repo: LineageRepository, private readonly db: Transactions, private readonly limits: TraversalLimits) {}

  async lineage(node: NodeRef, direction: LineageDirection, depth: number | undefined, asOf: Date | undefined): Promise<LineageGraph> {
    const ref = checkNodeRef(node, Object.values(NodeType), 'node');
    const hops = checkRange(depth, this.limits.defaultDepth, this.limits.maxDepth, 'depth');
    const traversals = await this.db.read(async (tx) => {
      const origin = await resolveOrigin(tx, ref, asOf ?? null);
      const p = { originElementId: origin.elementId, asOf: asOf ?? null, depth: hops, maxNodes: this.limits.maxNodes };
      const out: Traversal[] = [];
      if (direction !== LineageDirection.DOWNSTREAM) out.push(toTraversal(await this.repo.upstream(tx, p), this.limits.maxNodes));
      if (direction !== LineageDirection.UPSTREAM) out.push(toTraversal(await this.repo.downstream(tx, p), this.limits.maxNodes));
      return out;
    }, this.limits.timeoutMs);
    return merge(traversals, hops);
  }
}

/** The union of the traversals: each node once, each stored relationship once. */
function merge(traversals: Traversal[], depth: number): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  for (const t of traversals) {
    for (const { node } of t.nodes.values()) nodes.set(node.id, node);
    for (const e of t.edges) edges.set(`${e.source}|${e.type}|${e.target}`, { from: e.source, to: e.target, type: e.type });
  }
  return {
    origin: traversals[0].origin.node, nodes: [...nodes.values()], edges: [...edges.values()], depth,
    truncated: traversals.some((t) => t.truncated),
  };
}

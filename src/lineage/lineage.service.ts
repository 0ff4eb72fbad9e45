import { Transactions } from '../db/db';
import { LineageRepository } from './lineage.repository';
import { NodeType } from '../graph/node-types';
import { SeenAt } from '../graph/resolve-refs';
import { LineageDirection, LineageEdge, LineageGraph, LineageNode, NodeRef } from './lineage.types';
import { checkRange, TraversalLimits } from './traversal-limits';
import { checkNodeRef, resolveOrigins } from './node-ref';
import { toTraversal, Traversal } from './traversal';

/** Lineage subgraphs for drawing: the downstream and/or upstream traversal, as nodes and stored edges. */
export class LineageService {
  constructor(private readonly repo: LineageRepository, private readonly db: Transactions, private readonly limits: TraversalLimits) {}

  async lineage(node: NodeRef, direction: LineageDirection, depth: number | undefined, at: Partial<SeenAt>): Promise<LineageGraph> {
    const ref = checkNodeRef(node, Object.values(NodeType), 'node');
    const hops = checkRange(depth, this.limits.defaultDepth, this.limits.maxDepth, 'depth');
    const seen = { asOf: at.asOf ?? null, knownAt: at.knownAt ?? null };
    const traversals = await this.db.read(async (tx) => {
      const origins = await resolveOrigins(tx, ref, seen);
      const p = { originElementIds: origins.elementIds, ...seen, depth: hops, maxNodes: this.limits.maxNodes };
      const out: Traversal[] = [];
      if (direction !== LineageDirection.DOWNSTREAM) out.push(toTraversal(await this.repo.upstream(tx, p), this.limits.maxNodes, origins.ids));
      if (direction !== LineageDirection.UPSTREAM) out.push(toTraversal(await this.repo.downstream(tx, p), this.limits.maxNodes, origins.ids));
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
  const origins = traversals[0].origins.map((o) => o.node);
  return { origin: origins[0], origins, nodes: [...nodes.values()], edges: [...edges.values()], depth, truncated: traversals.some((t) => t.truncated) };
}

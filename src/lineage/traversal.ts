import { nodeTypeOfLabel } from '../graph/node-types';
import { LineageNode } from './lineage.types';

/** One row of cypher/lineage/{downstream,upstream}.cypher. */
export interface TraversalRow {
  id: string;
  nodeLabel: string;
  display: string | null;
  distance: number;
  edges: { next: string; source: string; target: string; type: string; transformations?: string | null; props?: Record<string, unknown> | null }[];
  /** Upstream rows of runs: what a provenance report shows of the run (upstream.cypher). */
  props?: Record<string, unknown> | null;
  /** Downstream rows: a deployment's environment, and who serves a model version or ensemble. */
  environment?: string | null;
  serving?: ServingRow[];
}

export interface ServingRow {
  deploymentId: string; deployment: string; environment: string | null;
  trafficShare: number | null; ensemble: string | null; weight: number | null;
}

export interface TraversedNode { node: LineageNode; distance: number; row: TraversalRow }

/**
 * An edge in the direction of the traversal (`from` is nearer the origin), with the stored one;
 * `transformations`: a column-lineage DERIVED_FROM's transformations (JSON text), else null.
 */
export interface TraversedEdge {
  from: string; to: string; type: string; source: string; target: string; transformations: string | null; props: Record<string, unknown>;
}

export interface Traversal {
  /** Where the traversal started (distance 0), in the order the reference resolved them. */
  origins: TraversedNode[];
  nodes: Map<string, TraversedNode>;
  edges: TraversedEdge[];
  /** True when the node limit cut the traversal short. */
  truncated: boolean;
}

/**
 * Turns the statement's rows into a graph: only edges between reached nodes, none back into an
 * origin. `originIds` orders the origins (the distance-0 rows) as the reference resolved them.
 */
export function toTraversal(rows: TraversalRow[], maxNodes: number, originIds: readonly string[] = []): Traversal {
  const originCount = rows.filter((r) => r.distance === 0).length;
  const truncated = rows.length > maxNodes + originCount;
  const kept = rows.slice(0, maxNodes + originCount);
  const nodes = new Map<string, TraversedNode>();
  for (const row of kept) {
    const type = nodeTypeOfLabel(row.nodeLabel);
    if (!type) continue; // a label outside the model (e.g. a future one): not ours to report
    nodes.set(row.id, { node: { id: row.id, type, label: row.display ?? row.id }, distance: row.distance, row });
  }
  const rank = (id: string) => (originIds.includes(id) ? originIds.indexOf(id) : originIds.length);
  const origins = [...nodes.values()].filter((n) => n.distance === 0).sort((a, b) => rank(a.node.id) - rank(b.node.id));
  const edges: TraversedEdge[] = [];
  for (const { row } of nodes.values()) {
    for (const e of row.edges) {
      if (!nodes.has(e.next) || nodes.get(e.next)!.distance === 0) continue;
      edges.push({ from: row.id, to: e.next, type: e.type, source: e.source, target: e.target, transformations: e.transformations ?? null, props: e.props ?? {} });
    }
  }
  return { origins, nodes, edges, truncated };
}

/** Paths as node ids and, between consecutive ones, the edges taken. */
export interface PathSet { paths: { nodes: string[]; edges: TraversedEdge[] }[]; truncated: boolean }

/**
 * Every distinct simple path from an origin to each node, of at most `depth` hops, at most `cap`
 * per node, shortest first. Built level by level (paths of k hops extend those of k-1), so the work
 * is bounded by depth x edges x cap however many paths the graph holds. A node whose list was cut,
 * or that is reached through a cut one, is flagged truncated.
 */
export function enumeratePaths(t: Traversal, depth: number, cap: number): Map<string, PathSet> {
  const out = new Map<string, PathSet>();
  const outgoing = new Map<string, TraversedEdge[]>();
  for (const e of t.edges) (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from)!).push(e);
  let level = new Map<string, PathSet['paths']>(t.origins.map(({ node }) => [node.id, [{ nodes: [node.id], edges: [] }]]));
  for (let k = 1; k <= depth && level.size > 0; k++) {
    const next = new Map<string, PathSet['paths']>();
    for (const [from, paths] of level) {
      const fromCut = out.get(from)?.truncated ?? false;
      for (const e of outgoing.get(from) ?? []) {
        const set = out.get(e.to) ?? out.set(e.to, { paths: [], truncated: false }).get(e.to)!;
        if (fromCut) set.truncated = true;
        for (const p of paths) {
          if (p.nodes.includes(e.to)) continue;
          if (set.paths.length >= cap) { set.truncated = true; break; }
          const extended = { nodes: [...p.nodes, e.to], edges: [...p.edges, e] };
          set.paths.push(extended);
          (next.get(e.to) ?? next.set(e.to, []).get(e.to)!).push(extended);
        }
      }
    }
    level = next;
  }
  return out;
}

/** The nodes from which `seeds` can be reached along the traversal's edges (seeds included). */
export function reachingClosure(t: Traversal, seeds: Iterable<string>): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const e of t.edges) (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push(e.from);
  const seen = new Set(seeds);
  const queue = [...seen];
  while (queue.length) {
    for (const from of incoming.get(queue.pop()!) ?? []) if (!seen.has(from)) { seen.add(from); queue.push(from); }
  }
  return seen;
}

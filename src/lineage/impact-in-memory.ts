import { encodeCursor } from '../common/connection';
import { NodeType } from '../graph/node-types';
import { parseTransformations } from '../openlineage/field-derivation.types';
import { AffectedDeployment, ImpactItem, ImpactResult, ImpactServing } from './impact.types';
import { enumeratePaths, PathSet, reachingClosure, ServingRow, Traversal, TraversedNode } from './traversal';

/** An impact question after its checks: what both ways of answering it take. */
export interface ImpactQuery {
  depth: number; maxPaths: number; servedOnly: boolean; types: NodeType[]; first: number;
  /** The decoded cursor: the (distance, type, label, id) of the previous page's last item. */
  after: [number, string, string, string] | null;
  asOf: Date | null; knownAt: Date | null;
}

/**
 * The impact answer from a downstream traversal, in memory: the specification of the answer (the
 * pure-Cypher engine's; the store's modelgraph.impact must give the same, test/impact-engines.test.ts).
 */
export function answerInMemory(traversal: Traversal, q: ImpactQuery): ImpactResult {
  const paths = enumeratePaths(traversal, q.depth, q.maxPaths);
  const items = itemsOf(traversal, paths, q.servedOnly);
  const listed = items.filter((i) => !q.types.length || q.types.includes(i.node.type))
    .filter((i) => !q.after || compareKeys(sortKey(i), q.after) > 0);
  // Paths as node objects only for the page: for a 1,000-node impact that is a tenth of them.
  const nodes = listed.slice(0, q.first).map((i) => ({
    ...i, paths: (paths.get(i.node.id)?.paths ?? []).map((p) => ({
      nodes: p.nodes.map((id) => traversal.nodes.get(id)!.node), relationships: p.edges.map((e) => e.type),
      steps: p.edges.map((e) => ({ type: e.type, transformations: parseTransformations(e.transformations) })),
    })),
  }));
  const last = nodes[nodes.length - 1];
  return {
    origin: traversal.origins[0].node, origins: traversal.origins.map((o) => o.node), asOf: q.asOf, knownAt: q.knownAt, depth: q.depth,
    truncated: traversal.truncated,
    items: { nodes, pageInfo: { hasNextPage: listed.length > q.first, endCursor: last ? encodeCursor(sortKey(last)) : null } },
    summary: { total: items.length, byType: countByType(items), servedDeployments: affectedDeployments(traversal, items) },
  };
}

/** Every reached node but the origins, in (distance, type, label) order; with servedOnly, only those leading to a served one. */
function itemsOf(t: Traversal, paths: Map<string, PathSet>, servedOnly: boolean): Omit<ImpactItem, 'paths'>[] {
  const all: Omit<ImpactItem, 'paths'>[] = [];
  for (const { node, distance, row } of t.nodes.values()) {
    if (distance === 0) continue;
    const serving = (row.serving ?? []).map(toServing);
    all.push({ node, distance, serving, served: node.type === NodeType.DEPLOYMENT || serving.length > 0, truncated: paths.get(node.id)?.truncated ?? false });
  }
  const kept = servedOnly ? reachingClosure(t, all.filter((i) => i.served).map((i) => i.node.id)) : null;
  return all.filter((i) => !kept || kept.has(i.node.id)).sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
}

export function toServing(s: ServingRow): ImpactServing {
  return { ...s, direct: s.ensemble === null };
}

function sortKey(i: Omit<ImpactItem, 'paths'>): unknown[] {
  return [i.distance, i.node.type, i.node.label, i.node.id];
}

function compareKeys(a: unknown[], b: unknown[]): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    return (a[k] as string | number) < (b[k] as string | number) ? -1 : 1;
  }
  return 0;
}

function countByType(items: Omit<ImpactItem, 'paths'>[]) {
  const counts = new Map<NodeType, number>();
  for (const i of items) counts.set(i.node.type, (counts.get(i.node.type) ?? 0) + 1);
  return byTypeOrder([...counts].map(([type, count]) => ({ type, count })));
}

/** The summary's order of types (both engines). */
export function byTypeOrder<T extends { type: NodeType }>(counts: T[]): T[] {
  return counts.sort((a, b) => a.type.localeCompare(b.type));
}

/** The summary's order of deployments (both engines): by name, in the locale's order. */
export function deploymentOrder(deployments: AffectedDeployment[]): AffectedDeployment[] {
  return deployments.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The deployments serving an origin or an affected model version or ensemble, each with what it
 * serves of them, and any deployment reached as an item (via: what led to it).
 */
function affectedDeployments(t: Traversal, items: Omit<ImpactItem, 'paths'>[]): AffectedDeployment[] {
  const byId = new Map<string, AffectedDeployment>();
  const entry = (id: string, name: string, environment: string | null) =>
    byId.get(id) ?? byId.set(id, { id, name, environment, via: [] }).get(id)!;
  const via = (d: AffectedDeployment, label: string) => { if (!d.via.includes(label)) d.via.push(label); };
  const serving = (n: TraversedNode) => (n.row.serving ?? []).map(toServing);
  for (const { node, serving: list } of [...t.origins.map((o) => ({ node: o.node, serving: serving(o) })), ...items]) {
    for (const s of list) via(entry(s.deploymentId, s.deployment, s.environment), node.label);
  }
  for (const item of items.filter((i) => i.node.type === NodeType.DEPLOYMENT && !byId.has(i.node.id))) {
    const d = entry(item.node.id, item.node.label, t.nodes.get(item.node.id)!.row.environment ?? null);
    for (const e of t.edges.filter((e) => e.to === item.node.id)) via(d, t.nodes.get(e.from)!.node.label);
  }
  return deploymentOrder([...byId.values()]);
}

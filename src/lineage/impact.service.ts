import { decodeCursor, encodeCursor, PageInput, pageSize } from '../common/connection';
import { Transactions } from '../db/db';
import { LineageRepository } from './lineage.repository';
import { NodeType } from '../graph/node-types';
import { NodeRef } from './lineage.types';
import { AffectedDeployment, ImpactItem, ImpactResult, ImpactServing } from './impact.types';
import { checkRange, TraversalLimits } from './traversal-limits';
import { checkNodeRef, resolveOrigins } from './node-ref';
import { parseTransformations } from '../openlineage/field-derivation.types';
import { enumeratePaths, PathSet, reachingClosure, ServingRow, toTraversal, Traversal, TraversedNode } from './traversal';

export interface ImpactArgs {
  of: NodeRef; depth?: number; maxPaths?: number; servedOnly?: boolean; asOf?: Date; knownAt?: Date; types?: NodeType[]; page?: PageInput;
}

/** Every type but a deployment, downstream of which nothing lies. */
const IMPACT_ORIGINS = Object.values(NodeType).filter((t) => t !== NodeType.DEPLOYMENT);

/** Impact analysis: one resolve + one traversal statement, then paths, serving and paging in memory. */
export class ImpactService {
  constructor(private readonly repo: LineageRepository, private readonly db: Transactions, private readonly limits: TraversalLimits, private readonly maxPageSize: number) {}

  async impact(args: ImpactArgs): Promise<ImpactResult> {
    const of = checkNodeRef(args.of, IMPACT_ORIGINS, 'of');
    const depth = checkRange(args.depth, this.limits.defaultDepth, this.limits.maxDepth, 'depth');
    const maxPaths = checkRange(args.maxPaths, this.limits.defaultPaths, this.limits.maxPaths, 'maxPaths');
    const first = pageSize(args.page, this.maxPageSize);
    const after = decodeCursor(args.page?.after);
    const at = { asOf: args.asOf ?? null, knownAt: args.knownAt ?? null };
    const { rows, origins } = await this.db.read(async (tx) => {
      const origins = await resolveOrigins(tx, of, at);
      return { origins, rows: await this.repo.downstream(tx, { originElementIds: origins.elementIds, ...at, depth, maxNodes: this.limits.maxNodes }) };
    }, this.limits.timeoutMs);
    const traversal = toTraversal(rows, this.limits.maxNodes, origins.ids);
    const paths = enumeratePaths(traversal, depth, maxPaths);
    const items = this.items(traversal, paths, args.servedOnly ?? false);
    const listed = items.filter((i) => !args.types?.length || args.types.includes(i.node.type))
      .filter((i) => !after || compareKeys(sortKey(i), after) > 0);
    // Paths as node objects only for the page: for a 1,000-node impact that is a tenth of them.
    const nodes = listed.slice(0, first).map((i) => ({
      ...i, paths: (paths.get(i.node.id)?.paths ?? []).map((p) => ({
        nodes: p.nodes.map((id) => traversal.nodes.get(id)!.node), relationships: p.edges.map((e) => e.type),
        steps: p.edges.map((e) => ({ type: e.type, transformations: parseTransformations(e.transformations) })),
      })),
    }));
    const last = nodes[nodes.length - 1];
    return {
      origin: traversal.origins[0].node, origins: traversal.origins.map((o) => o.node), ...at, depth, truncated: traversal.truncated,
      items: { nodes, pageInfo: { hasNextPage: listed.length > first, endCursor: last ? encodeCursor(sortKey(last)) : null } },
      summary: { total: items.length, byType: countByType(items), servedDeployments: affectedDeployments(traversal, items) },
    };
  }

  /** Every reached node but the origins, in (distance, type, label) order; with servedOnly, only those leading to a served one. */
  private items(t: Traversal, paths: Map<string, PathSet>, servedOnly: boolean): Omit<ImpactItem, 'paths'>[] {
    const all: Omit<ImpactItem, 'paths'>[] = [];
    for (const { node, distance, row } of t.nodes.values()) {
      if (distance === 0) continue;
      const serving = (row.serving ?? []).map(toServing);
      all.push({ node, distance, serving, served: node.type === NodeType.DEPLOYMENT || serving.length > 0, truncated: paths.get(node.id)?.truncated ?? false });
    }
    const kept = servedOnly ? reachingClosure(t, all.filter((i) => i.served).map((i) => i.node.id)) : null;
    return all.filter((i) => !kept || kept.has(i.node.id)).sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  }
}

function toServing(s: ServingRow): ImpactServing {
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
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type));
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
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

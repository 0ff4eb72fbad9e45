import { parseJsonProperty } from '../common/validate';
import { Transactions } from '../db/db';
import { LineageRepository } from './lineage.repository';
import { NodeType } from '../graph/node-types';
import { LineageNode, NodeRef } from './lineage.types';
import { Provenance, ProvenanceDatasetVersion, ProvenanceRun } from './provenance.types';
import { checkRange, TraversalLimits } from './traversal-limits';
import { checkNodeRef, resolveOrigins } from './node-ref';
import { toTraversal, Traversal, TraversedEdge } from './traversal';
import { SeenAt } from '../graph/resolve-refs';

/**
 * Provenance: one upstream traversal statement, read apart by relationship type in memory. Every
 * node type is an origin: a dataset or model stands for all its versions, a job for all its runs.
 */
export class ProvenanceService {
  constructor(private readonly repo: LineageRepository, private readonly db: Transactions, private readonly limits: TraversalLimits) {}

  async provenance(ofInput: NodeRef, at: Partial<SeenAt>, depth: number | undefined): Promise<Provenance> {
    const of = checkNodeRef(ofInput, Object.values(NodeType), 'of');
    const hops = checkRange(depth, this.limits.maxDepth, this.limits.maxDepth, 'depth');
    const seen = { asOf: at.asOf ?? null, knownAt: at.knownAt ?? null };
    const { rows, origins } = await this.db.read(async (tx) => {
      const origins = await resolveOrigins(tx, of, seen);
      return { origins, rows: await this.repo.upstream(tx, { originElementIds: origins.elementIds, ...seen, depth: hops, maxNodes: this.limits.maxNodes }) };
    }, this.limits.timeoutMs);
    return describe(toTraversal(rows, this.limits.maxNodes, origins.ids), seen, hops);
  }
}

function describe(t: Traversal, at: SeenAt, depth: number): Provenance {
  const node = (id: string) => t.nodes.get(id)!.node;
  const ofType = (type: NodeType) => [...t.nodes.values()].filter((n) => n.node.type === type).map((n) => n.node);
  // Edges grouped once by type, and by the stored source and target within it: a lookup per
  // version and run, where filtering every edge for each made the largest reports (~4,000 nodes,
  // ~6,000 edges) quadratic.
  const index = indexEdges(t.edges);
  const edges = (type: string) => index.get(type)?.all ?? [];
  const num = (e: TraversedEdge, key: string) => (e.props[key] as number | undefined) ?? null;
  const datasetVersions: ProvenanceDatasetVersion[] = ofType(NodeType.DATASET_VERSION).map((v) => {
    // By the stored direction: from a dataset origin the edge is followed the other way.
    const of = index.get('VERSION_OF')?.bySource.get(v.id)?.[0];
    return { datasetVersion: v, dataset: of ? node(of.target) : null, raw: !index.get('WROTE')?.byTarget.has(v.id) };
  });
  const rawDatasets = unique(datasetVersions.filter((v) => v.raw && v.dataset).map((v) => v.dataset!));
  return {
    origin: t.origins[0].node, origins: t.origins.map((o) => o.node), ...at, depth, truncated: t.truncated,
    served: edges('SERVES').map((e) => ({ deployment: node(e.from), target: node(e.to), trafficShare: num(e, 'trafficShare') })),
    members: edges('MEMBER').map((e) => ({ ensemble: node(e.from), modelVersion: node(e.to), weight: num(e, 'weight') })),
    modelVersions: ofType(NodeType.MODEL_VERSION),
    training: edges('TRAINED_ON').map((e) => ({ modelVersion: node(e.from), datasetVersion: node(e.to), role: (e.props.role as string) ?? null })),
    featureUses: edges('USES_FEATURE').map((e) => ({ modelVersion: node(e.from), feature: node(e.to), importance: num(e, 'importance') })),
    features: ofType(NodeType.FEATURE),
    fields: ofType(NodeType.FIELD),
    runs: ofType(NodeType.RUN).map((run) => describeRun(t, index, run)),
    datasetVersions, rawDatasets,
    edges: t.edges.map((e) => ({ from: e.source, to: e.target, type: e.type })),
  };
}

function describeRun(t: Traversal, index: EdgeIndex, run: LineageNode): ProvenanceRun {
  const props = t.nodes.get(run.id)!.row.props ?? {};
  const near = (type: string, runIs: 'source' | 'target') => (index.get(type)?.[runIs === 'source' ? 'bySource' : 'byTarget'].get(run.id) ?? [])
    .map((e) => t.nodes.get(runIs === 'source' ? e.target : e.source)!.node);
  return {
    run, runId: props.runId as string, state: (props.state as string) ?? null, codeVersion: (props.codeVersion as string) ?? null,
    parameters: parseJsonProperty(props.parameters) as Record<string, unknown> | null,
    startedAt: (props.startedAt as Date) ?? null,
    job: near('RUN_OF', 'source')[0]?.label ?? null,
    read: near('READ', 'source'), wrote: near('WROTE', 'source'), produced: near('PRODUCED_BY', 'target'),
  };
}

/** A traversal's edges of each type, in traversal order, and by their stored source and target. */
type EdgeIndex = Map<string, { all: TraversedEdge[]; bySource: Map<string, TraversedEdge[]>; byTarget: Map<string, TraversedEdge[]> }>;

function indexEdges(edges: TraversedEdge[]): EdgeIndex {
  const index: EdgeIndex = new Map();
  const push = (m: Map<string, TraversedEdge[]>, key: string, e: TraversedEdge) => {
    const list = m.get(key);
    if (list) list.push(e); else m.set(key, [e]);
  };
  for (const e of edges) {
    let ofType = index.get(e.type);
    if (!ofType) index.set(e.type, ofType = { all: [], bySource: new Map(), byTarget: new Map() });
    ofType.all.push(e);
    push(ofType.bySource, e.source, e);
    push(ofType.byTarget, e.target, e);
  }
  return index;
}

function unique(nodes: LineageNode[]): LineageNode[] {
  return [...new Map(nodes.map((n) => [n.id, n])).values()];
}

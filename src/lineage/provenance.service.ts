import { parseJsonProperty } from '../common/validate';
import { Transactions } from '../db/db';
import { LineageRepository } from './lineage.repository';
import { NodeType } from '../graph/node-types';
import { LineageNode, NodeRef } from './lineage.types';
import { Provenance, ProvenanceDatasetVersion, ProvenanceRun } from './provenance.types';
import { checkRange, TraversalLimits } from './traversal-limits';
import { checkNodeRef, resolveOrigin } from './node-ref';
import { toTraversal, Traversal, TraversedEdge } from './traversal';

const PROVENANCE_ORIGINS = [NodeType.DEPLOYMENT, NodeType.ENSEMBLE, NodeType.MODEL_VERSION];

/** Provenance: one upstream traversal statement, read apart by relationship type in memory. */
export class ProvenanceService {
  constructor(private readonly repo: LineageRepository, private readonly db: Transactions, private readonly limits: TraversalLimits) {}

  async provenance(ofInput: NodeRef, asOf: Date | undefined, depth: number | undefined): Promise<Provenance> {
    const of = checkNodeRef(ofInput, PROVENANCE_ORIGINS, 'of');
    const hops = checkRange(depth, this.limits.maxDepth, this.limits.maxDepth, 'depth');
    const rows = await this.db.read(async (tx) => {
      const origin = await resolveOrigin(tx, of, asOf ?? null);
      return this.repo.upstream(tx, { originElementId: origin.elementId, asOf: asOf ?? null, depth: hops, maxNodes: this.limits.maxNodes });
    }, this.limits.timeoutMs);
    return describe(toTraversal(rows, this.limits.maxNodes), asOf ?? null, hops);
  }
}

function describe(t: Traversal, asOf: Date | null, depth: number): Provenance {
  const node = (id: string) => t.nodes.get(id)!.node;
  const ofType = (type: NodeType) => [...t.nodes.values()].filter((n) => n.node.type === type).map((n) => n.node);
  const edges = (type: string) => t.edges.filter((e) => e.type === type);
  const num = (e: TraversedEdge, key: string) => (e.props[key] as number | undefined) ?? null;
  const datasetVersions: ProvenanceDatasetVersion[] = ofType(NodeType.DATASET_VERSION).map((v) => {
    const of = edges('VERSION_OF').find((e) => e.from === v.id);
    return { datasetVersion: v, dataset: of ? node(of.to) : null, raw: !edges('WROTE').some((e) => e.target === v.id) };
  });
  const rawDatasets = unique(datasetVersions.filter((v) => v.raw && v.dataset).map((v) => v.dataset!));
  return {
    origin: t.origin.node, asOf, depth, truncated: t.truncated,
    served: edges('SERVES').map((e) => ({ deployment: node(e.from), target: node(e.to), trafficShare: num(e, 'trafficShare') })),
    members: edges('MEMBER').map((e) => ({ ensemble: node(e.from), modelVersion: node(e.to), weight: num(e, 'weight') })),
    modelVersions: ofType(NodeType.MODEL_VERSION),
    training: edges('TRAINED_ON').map((e) => ({ modelVersion: node(e.from), datasetVersion: node(e.to), role: (e.props.role as string) ?? null })),
    featureUses: edges('USES_FEATURE').map((e) => ({ modelVersion: node(e.from), feature: node(e.to), importance: num(e, 'importance') })),
    features: ofType(NodeType.FEATURE),
    fields: ofType(NodeType.FIELD),
    runs: ofType(NodeType.RUN).map((run) => describeRun(t, run)),
    datasetVersions, rawDatasets,
    edges: t.edges.map((e) => ({ from: e.source, to: e.target, type: e.type })),
  };
}

function describeRun(t: Traversal, run: LineageNode): ProvenanceRun {
  const props = t.nodes.get(run.id)!.row.props ?? {};
  const near = (type: string, runIs: 'source' | 'target') => t.edges
    .filter((e) => e.type === type && e[runIs] === run.id)
    .map((e) => t.nodes.get(runIs === 'source' ? e.target : e.source)!.node);
  return {
    run, runId: props.runId as string, state: (props.state as string) ?? null, codeVersion: (props.codeVersion as string) ?? null,
    parameters: parseJsonProperty(props.parameters) as Record<string, unknown> | null,
    startedAt: (props.startedAt as Date) ?? null,
    job: near('RUN_OF', 'source')[0]?.label ?? null,
    read: near('READ', 'source'), wrote: near('WROTE', 'source'), produced: near('PRODUCED_BY', 'target'),
  };
}

function unique(nodes: LineageNode[]): LineageNode[] {
  return [...new Map(nodes.map((n) => [n.id, n])).values()];
}

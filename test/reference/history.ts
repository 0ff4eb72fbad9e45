import { NodeType } from '../../src/graph/node-types';

/**
 * A lineage history as plain data: what the random generator makes, the loader writes to Neo4j
 * and the reference model answers from. Times are epoch milliseconds; null means the property is
 * absent (data written before nodes and relationships carried it).
 */
export interface HNode {
  id: string;
  type: NodeType;
  /** Namespace (dataset, feature, job), name (everything but versions and runs), version, ... */
  namespace?: string;
  name?: string;
  version?: string;
  /** The node this one belongs to: a version's dataset or model, a field's version, a run's job. */
  parent?: string;
  environment?: string;
  /** World time it became true. */
  createdAt: number | null;
  /** Transaction time it was first written. */
  recordedAt: number | null;
}

export type RelType = 'VERSION_OF' | 'HAS_FIELD' | 'DERIVED_FROM' | 'RUN_OF' | 'READ' | 'WROTE' | 'PRODUCED_BY'
  | 'TRAINED_ON' | 'USES_FEATURE' | 'MEMBER' | 'SERVES';

export interface HRel {
  id: string;
  type: RelType;
  /** Start and end node ids, as stored. */
  from: string;
  to: string;
  recordedAt: number | null;
  retractedAt: number | null;
  /** World-time validity [from, to) of SERVES, MEMBER and a feature's DERIVED_FROM with history. */
  interval: { from: number | null; to: number | null; toRecordedAt: number | null } | null;
  trafficShare?: number;
  weight?: number;
  role?: string;
  importance?: number;
}

export interface History { seed: number; nodes: HNode[]; rels: HRel[] }

/** The display label of a node, by the formats of docs/graph-model.md (LineageNode.label). */
export function labelOf(h: Index, n: HNode): string {
  const parent = n.parent ? h.node(n.parent) : undefined;
  switch (n.type) {
    case NodeType.DATASET: case NodeType.FEATURE: case NodeType.JOB: return `${n.namespace}/${n.name}`;
    case NodeType.DATASET_VERSION: return `${labelOf(h, parent!)}@${n.version}`;
    case NodeType.FIELD: return `${labelOf(h, parent!)}.${n.name}`;
    case NodeType.RUN: return parent ? `${labelOf(h, parent)}#${n.id}` : n.id;
    case NodeType.MODEL_VERSION: return `${parent!.name}@${n.version}`;
    default: return n.name!;
  }
}

/** A history with lookups by id and by end node. */
export class Index {
  private readonly byId = new Map<string, HNode>();
  private readonly outOf = new Map<string, HRel[]>();
  private readonly into = new Map<string, HRel[]>();

  constructor(readonly history: History) {
    for (const n of history.nodes) this.byId.set(n.id, n);
    for (const r of history.rels) {
      push(this.outOf, r.from, r);
      push(this.into, r.to, r);
    }
  }

  node(id: string): HNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  outgoing(id: string): HRel[] {
    return this.outOf.get(id) ?? [];
  }

  incoming(id: string): HRel[] {
    return this.into.get(id) ?? [];
  }

  label(id: string): string {
    return labelOf(this, this.node(id));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

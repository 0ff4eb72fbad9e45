import { NodeType } from '../../src/graph/node-types';
import { History, HRel, Index } from './history';
import { Contract, nodeVisible, relVisible, When } from './model';
import { Random } from '../../bench/random';

/** The NodeRef a question sends (GraphQL input): by id, or by natural key. */
export type Ref = { type: NodeType; id?: string; namespace?: string; name?: string; version?: string; field?: string; model?: string };

export interface Ask {
  kind: 'impact' | 'provenance' | 'lineage';
  ref: Ref;
  asOf: number | null;
  knownAt: number | null;
  /** null: the service's default (impact and lineage 10, provenance 20). */
  depth: number | null;
  servedOnly: boolean;
  direction: 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';
}

/** What the service under test implements, so only questions it can answer are asked. */
export interface Capabilities {
  contract: Contract;
  /** FIELD references without a version (every version), knownAt, provenance from every type, `origins`. */
  multiOrigin: boolean;
}

const IMPACT_ORIGINS = [NodeType.DATASET, NodeType.DATASET_VERSION, NodeType.FIELD, NodeType.FEATURE, NodeType.JOB, NodeType.MODEL_VERSION];
const OLD_PROVENANCE_ORIGINS = [NodeType.DEPLOYMENT, NodeType.ENSEMBLE, NodeType.MODEL_VERSION];

/**
 * The nodes a reference covers at the question's time: the node it names; for a FIELD without a
 * version, the field of that name in every version of the dataset visible then ([] when none).
 */
export function originsOf(g: Index, ref: Ref, when: When): string[] {
  if (ref.id) return g.has(ref.id) ? [ref.id] : [];
  const found = g.history.nodes.filter((n) => {
    if (n.type !== ref.type) return false;
    const parent = n.parent && g.has(n.parent) ? g.node(n.parent) : undefined;
    switch (n.type) {
      case NodeType.DATASET: case NodeType.FEATURE: case NodeType.JOB: return n.namespace === ref.namespace && n.name === ref.name;
      case NodeType.DATASET_VERSION: return n.version === ref.version && parent?.namespace === ref.namespace && parent?.name === ref.name;
      case NodeType.FIELD: {
        const ds = parent?.parent && g.has(parent.parent) ? g.node(parent.parent) : undefined;
        // Without a version: the field as the graph stood at (asOf, knownAt) holds it: its HAS_FIELD and its version's VERSION_OF visible.
        const known = (r: HRel | undefined) => !!r && relVisible(g, r, when);
        const inVersion = ref.version ? parent?.version === ref.version
          : !!parent && known(g.incoming(n.id).find((r) => r.type === 'HAS_FIELD')) && known(g.outgoing(parent.id).find((r) => r.type === 'VERSION_OF'));
        return n.name === ref.field && inVersion && ds?.namespace === ref.namespace && ds?.name === ref.name;
      }
      case NodeType.MODEL_VERSION: return n.version === ref.version && parent?.name === ref.model;
      default: return n.name === ref.name;
    }
  });
  return found.map((n) => n.id);
}

/** The reference of a node: by id or natural key; a FIELD sometimes without its version. */
function refOf(r: Random, g: Index, id: string, caps: Capabilities): Ref {
  const n = g.node(id);
  if (n.type === NodeType.RUN || r.chance(0.25)) return { type: n.type, id };
  const parent = n.parent ? g.node(n.parent) : undefined;
  switch (n.type) {
    case NodeType.DATASET: case NodeType.FEATURE: case NodeType.JOB: return { type: n.type, namespace: n.namespace, name: n.name };
    case NodeType.DATASET_VERSION: return { type: n.type, namespace: parent!.namespace, name: parent!.name, version: n.version };
    case NodeType.FIELD: {
      const ds = g.node(parent!.parent!);
      const version = caps.multiOrigin && r.chance(0.5) ? undefined : parent!.version;
      return { type: n.type, namespace: ds.namespace, name: ds.name, version, field: n.name };
    }
    case NodeType.MODEL_VERSION: return { type: n.type, model: parent!.name, version: n.version };
    default: return { type: n.type, name: n.name };
  }
}

/** A random question whose origins are visible at its time (null when none was found). */
export function randomAsk(r: Random, history: History, caps: Capabilities): Ask | null {
  const g = new Index(history);
  const kind = r.pick(['impact', 'impact', 'provenance', 'lineage'] as const);
  const types = kind === 'impact' ? IMPACT_ORIGINS : kind === 'provenance' && !caps.multiOrigin ? OLD_PROVENANCE_ORIGINS : Object.values(NodeType);
  const times = [...new Set(history.nodes.flatMap((n) => [n.createdAt, n.recordedAt]).concat(
    history.rels.flatMap((x) => [x.recordedAt, x.retractedAt, x.interval?.from ?? null, x.interval?.to ?? null, x.interval?.toRecordedAt ?? null]),
  ).filter((t): t is number => t !== null))];
  const time = () => r.pick(times) + r.pick([0, 0, -1, 1]) * 12 * 3_600_000;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidates = history.nodes.filter((n) => types.includes(n.type));
    if (!candidates.length) return null;
    const ref = refOf(r, g, r.pick(candidates).id, caps);
    const asOf = r.chance(0.4) ? null : time();
    const knownAt = caps.multiOrigin && r.chance(0.5) ? time() : null;
    const when = { asOf, knownAt, now: Date.now() };
    const origins = originsOf(g, ref, when);
    if (!origins.length || !origins.every((o) => nodeVisible(g.node(o), when))) continue;
    return {
      kind, ref, asOf, knownAt, depth: r.pick([null, 1, 2, 3, 4, 6]), servedOnly: r.chance(0.5),
      direction: r.pick(['UPSTREAM', 'DOWNSTREAM', 'BOTH'] as const),
    };
  }
  return null;
}

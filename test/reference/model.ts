import { NodeType } from '../../src/graph/node-types';
import { HNode, HRel, Index, RelType } from './history';

/**
 * The reference model of lineage traversals: plain maps and a breadth-first search, written from
 * the shared contract (time model, visibility, traversal rules), not from the Cypher or the Java.
 */

/** The time of a question: asOf (world) and knownAt (record time); null = now / everything known. */
export interface When { asOf: number | null; knownAt: number | null; now: number }

export function nodeVisible(n: HNode, w: When): boolean {
  return (w.asOf === null || n.createdAt === null || n.createdAt <= w.asOf)
    && (w.knownAt === null || n.recordedAt === null || n.recordedAt <= w.knownAt);
}

export function relVisible(g: Index, r: HRel, w: When): boolean {
  if (!nodeVisible(g.node(r.from), w) || !nodeVisible(g.node(r.to), w)) return false;
  const k = w.knownAt;
  if (k !== null && r.recordedAt !== null && r.recordedAt > k) return false;
  if (r.retractedAt !== null && !(k !== null && r.retractedAt > k)) return false;
  if (!r.interval) return true;
  const t = w.asOf ?? w.now;
  const { from, to, toRecordedAt } = r.interval;
  return (from === null || from <= t)
    && (to === null || to > t || (k !== null && toRecordedAt !== null && toRecordedAt > k));
}

/** Which way to follow a stored relationship from a node of a type: `out` = from its start node. */
interface Rule { at: NodeType; type: RelType; follow: 'out' | 'in'; originOnly?: boolean; notFromOrigin?: boolean }

export type Direction = 'down' | 'up';

const DOWNSTREAM: Rule[] = [
  { at: NodeType.DATASET, type: 'VERSION_OF', follow: 'in', originOnly: true },
  // Not in the contract (it names no rule for models): as a dataset, a model as origin to its versions.
  { at: NodeType.MODEL, type: 'VERSION_OF', follow: 'in', originOnly: true },
  { at: NodeType.DATASET_VERSION, type: 'READ', follow: 'in' },
  { at: NodeType.DATASET_VERSION, type: 'TRAINED_ON', follow: 'in' },
  { at: NodeType.DATASET_VERSION, type: 'HAS_FIELD', follow: 'out' },
  // Reported, never expanded; not from a version that is itself the origin (src/graph/relationships.ts, Flow.VERSION_OF).
  { at: NodeType.DATASET_VERSION, type: 'VERSION_OF', follow: 'out', notFromOrigin: true },
  { at: NodeType.RUN, type: 'WROTE', follow: 'out' },
  { at: NodeType.RUN, type: 'PRODUCED_BY', follow: 'in' },
  { at: NodeType.JOB, type: 'RUN_OF', follow: 'in' },
  { at: NodeType.FIELD, type: 'DERIVED_FROM', follow: 'in' },
  { at: NodeType.FEATURE, type: 'USES_FEATURE', follow: 'in' },
  { at: NodeType.MODEL_VERSION, type: 'MEMBER', follow: 'in' },
  { at: NodeType.MODEL_VERSION, type: 'SERVES', follow: 'in' },
  { at: NodeType.ENSEMBLE, type: 'SERVES', follow: 'in' },
];

/** The reverse of each downstream rule, and a dataset version to its dataset always. */
const UPSTREAM: Rule[] = [
  { at: NodeType.DATASET, type: 'VERSION_OF', follow: 'in', originOnly: true },
  // Not in the contract either: a model as origin to its versions, as a dataset.
  { at: NodeType.MODEL, type: 'VERSION_OF', follow: 'in', originOnly: true },
  { at: NodeType.JOB, type: 'RUN_OF', follow: 'in', originOnly: true },
  { at: NodeType.DATASET_VERSION, type: 'WROTE', follow: 'in' },
  { at: NodeType.DATASET_VERSION, type: 'VERSION_OF', follow: 'out' },
  { at: NodeType.FIELD, type: 'HAS_FIELD', follow: 'in' },
  { at: NodeType.FIELD, type: 'DERIVED_FROM', follow: 'out' },
  { at: NodeType.FEATURE, type: 'DERIVED_FROM', follow: 'out' },
  { at: NodeType.RUN, type: 'READ', follow: 'out' },
  { at: NodeType.RUN, type: 'RUN_OF', follow: 'out' },
  { at: NodeType.MODEL_VERSION, type: 'PRODUCED_BY', follow: 'out' },
  { at: NodeType.MODEL_VERSION, type: 'TRAINED_ON', follow: 'out' },
  { at: NodeType.MODEL_VERSION, type: 'USES_FEATURE', follow: 'out' },
  { at: NodeType.ENSEMBLE, type: 'MEMBER', follow: 'out' },
  { at: NodeType.DEPLOYMENT, type: 'SERVES', follow: 'out' },
];

/** Differences between the contract and the service before it was implemented, to compare the rest. */
export interface Contract {
  /** Upstream, a dataset or a job as origin expands to its versions / runs. */
  upstreamFromDatasetAndJob: boolean;
  /** summary.servedDeployments includes deployments serving the origin and those reached as items. */
  servedDeploymentsOfOrigin: boolean;
}

export const FULL_CONTRACT: Contract = { upstreamFromDatasetAndJob: true, servedDeploymentsOfOrigin: true };

/** An edge in traversal direction (`from` nearer the origin) with the stored relationship. */
export interface TEdge { from: string; to: string; rel: HRel }

export interface Traversal { origins: string[]; distance: Map<string, number>; edges: TEdge[] }

function steps(g: Index, id: string, dir: Direction, isOrigin: boolean, w: When, c: Contract): TEdge[] {
  const type = g.node(id).type;
  const rules = (dir === 'down' ? DOWNSTREAM : UPSTREAM).filter((r) => r.at === type && (!r.originOnly || isOrigin) && !(r.notFromOrigin && isOrigin)
    && !(dir === 'up' && r.originOnly && !c.upstreamFromDatasetAndJob));
  const out: TEdge[] = [];
  for (const rule of rules) {
    const rels = rule.follow === 'out' ? g.outgoing(id) : g.incoming(id);
    for (const rel of rels) {
      if (rel.type !== rule.type || !relVisible(g, rel, w)) continue;
      out.push({ from: id, to: rule.follow === 'out' ? rel.to : rel.from, rel });
    }
  }
  return out;
}

/**
 * Breadth-first from every origin (distance 0): distance = fewest hops from the nearest origin,
 * at most `depth`. Edges: every rule step between two reached nodes (also from those at `depth`),
 * except into an origin (src/lineage/traversal.ts: "only edges between reached nodes").
 */
export function traverse(g: Index, origins: string[], dir: Direction, w: When, depth: number, c: Contract): Traversal {
  const distance = new Map<string, number>(origins.map((o) => [o, 0]));
  let frontier = [...origins];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of steps(g, id, dir, origins.includes(id), w, c)) {
        if (distance.has(e.to)) continue;
        distance.set(e.to, d + 1);
        next.push(e.to);
      }
    }
    frontier = next;
  }
  const edges = [...distance.keys()].flatMap((id) => steps(g, id, dir, origins.includes(id), w, c))
    .filter((e) => distance.has(e.to) && !origins.includes(e.to));
  return { origins, distance, edges };
}

/** Every simple path (node ids and relationship types) from an origin, of at most `depth` hops, by end node. */
export function allPaths(t: Traversal, depth: number, cap = 1000): Map<string, string[]> {
  const outgoing = new Map<string, TEdge[]>();
  for (const e of t.edges) outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e]);
  const paths = new Map<string, string[]>();
  const walk = (node: string, seen: string[], text: string) => {
    if (seen.length > depth) return;
    for (const e of outgoing.get(node) ?? []) {
      if (seen.includes(e.to)) continue;
      const path = `${text} -${e.rel.type}-> ${e.to}`;
      const list = paths.get(e.to) ?? [];
      if (list.length >= cap) continue;
      paths.set(e.to, [...list, path]);
      if (seen.length < depth) walk(e.to, [...seen, e.to], path);
    }
  };
  for (const o of t.origins) walk(o, [o], o);
  return paths;
}

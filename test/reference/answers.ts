import { NodeType } from '../../src/graph/node-types';
import { HRel, Index } from './history';
import { allPaths, Contract, traverse, Traversal, When, relVisible } from './model';

/**
 * The reference's answers to impact, provenance and lineage, in the normalized form the comparison
 * reads the service's answers into (test/reference/normalize.ts): sorted strings, so a difference
 * prints as a short list.
 */
export interface ImpactItemAnswer { label: string; distance: number; served: boolean; serving: string[]; paths: string[] }
export interface ImpactAnswer { origins: string[]; items: Record<string, ImpactItemAnswer>; servedDeployments: string[]; total: number }
export interface ProvenanceAnswer {
  origins: string[]; edges: string[]; modelVersions: string[]; features: string[]; fields: string[]; runs: string[];
  datasetVersions: string[]; rawDatasets: string[]; served: string[]; members: string[];
}
export interface LineageAnswer { origins: string[]; nodes: string[]; edges: string[] }

export interface Question {
  kind: 'impact' | 'provenance' | 'lineage';
  /** The origins the reference names (the ids of what the NodeRef covers). */
  origins: string[];
  when: When;
  depth: number;
  maxPaths: number;
  servedOnly: boolean;
  direction: 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
export const edgeText = (r: HRel) => `${r.from} -${r.type}-> ${r.to}`;

/** Where a model version or ensemble is served at the question's time: deployment|share|direct|ensemble|weight. */
export function serving(g: Index, id: string, w: When): string[] {
  const node = g.node(id);
  if (node.type !== NodeType.MODEL_VERSION && node.type !== NodeType.ENSEMBLE) return [];
  const servesOf = (target: string) => g.incoming(target).filter((r) => r.type === 'SERVES' && relVisible(g, r, w));
  const out = servesOf(id).map((s) => `${s.from}|${s.trafficShare ?? null}|direct|-|-`);
  if (node.type === NodeType.MODEL_VERSION) {
    for (const m of g.incoming(id).filter((r) => r.type === 'MEMBER' && relVisible(g, r, w))) {
      for (const s of servesOf(m.from)) out.push(`${s.from}|${s.trafficShare ?? null}|via|${g.node(m.from).name}|${m.weight ?? null}`);
    }
  }
  return sorted(out);
}

export function impact(g: Index, q: Question, c: Contract): ImpactAnswer {
  const t = traverse(g, q.origins, 'down', q.when, q.depth, c);
  const paths = allPaths(t, q.depth);
  let items: Record<string, ImpactItemAnswer> = {};
  for (const [id, distance] of t.distance) {
    if (q.origins.includes(id)) continue;
    const s = serving(g, id, q.when);
    items[id] = { label: g.label(id), distance, serving: s, served: g.node(id).type === NodeType.DEPLOYMENT || s.length > 0, paths: sorted(paths.get(id) ?? []) };
  }
  if (q.servedOnly) {
    const kept = reaching(t, Object.keys(items).filter((id) => items[id].served));
    items = Object.fromEntries(Object.entries(items).filter(([id]) => kept.has(id)));
  }
  return { origins: sorted(q.origins), items, servedDeployments: servedDeployments(g, q, t, items, c), total: Object.keys(items).length };
}

/**
 * Each deployment serving an affected model version or ensemble, as id:via-labels; by the contract
 * also those serving an origin, and deployments reached as items (via: the nodes leading to them).
 */
function servedDeployments(g: Index, q: Question, t: Traversal, items: Record<string, ImpactItemAnswer>, c: Contract): string[] {
  const via = new Map<string, Set<string>>();
  const add = (dep: string, label: string | null) => {
    const set = via.get(dep) ?? via.set(dep, new Set()).get(dep)!;
    if (label) set.add(label);
  };
  if (c.servedDeploymentsOfOrigin) for (const o of q.origins) for (const s of serving(g, o, q.when)) add(s.split('|')[0], g.label(o));
  for (const item of Object.values(items)) for (const s of item.serving) add(s.split('|')[0], item.label);
  if (c.servedDeploymentsOfOrigin) {
    for (const id of Object.keys(items).filter((i) => g.node(i).type === NodeType.DEPLOYMENT && !via.has(i))) {
      add(id, null);
      for (const e of t.edges.filter((x) => x.to === id)) add(id, g.label(e.from));
    }
  }
  return sorted([...via].map(([dep, labels]) => `${dep}:${sorted(labels).join(',')}`));
}

function reaching(t: Traversal, seeds: string[]): Set<string> {
  const seen = new Set(seeds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of t.edges) if (seen.has(e.to) && !seen.has(e.from)) { seen.add(e.from); grew = true; }
  }
  return seen;
}

export function provenance(g: Index, q: Question, c: Contract): ProvenanceAnswer {
  const t = traverse(g, q.origins, 'up', q.when, q.depth, c);
  const ids = [...t.distance.keys()];
  const ofType = (type: NodeType) => sorted(ids.filter((id) => g.node(id).type === type));
  const rels = t.edges.map((e) => e.rel);
  const ofRel = (type: string) => rels.filter((r) => r.type === type);
  const wrote = new Set(ofRel('WROTE').map((r) => r.to));
  const datasetOf = (v: string) => ofRel('VERSION_OF').find((r) => r.from === v)?.to;
  const raw = ofType(NodeType.DATASET_VERSION).filter((v) => !wrote.has(v));
  return {
    origins: sorted(q.origins), edges: sorted(rels.map(edgeText)),
    modelVersions: ofType(NodeType.MODEL_VERSION), features: ofType(NodeType.FEATURE), fields: ofType(NodeType.FIELD), runs: ofType(NodeType.RUN),
    datasetVersions: ofType(NodeType.DATASET_VERSION).map((v) => `${v}|raw=${!wrote.has(v)}|${datasetOf(v) ?? null}`),
    rawDatasets: sorted(raw.map(datasetOf).filter((d): d is string => !!d)),
    served: sorted(ofRel('SERVES').map((r) => `${r.from}|${r.to}|${r.trafficShare ?? null}`)),
    members: sorted(ofRel('MEMBER').map((r) => `${r.from}|${r.to}|${r.weight ?? null}`)),
  };
}

export function lineage(g: Index, q: Question, c: Contract): LineageAnswer {
  const traversals: Traversal[] = [];
  if (q.direction !== 'DOWNSTREAM') traversals.push(traverse(g, q.origins, 'up', q.when, q.depth, c));
  if (q.direction !== 'UPSTREAM') traversals.push(traverse(g, q.origins, 'down', q.when, q.depth, c));
  const nodes = traversals.flatMap((t) => [...t.distance.keys()]);
  return {
    origins: sorted(q.origins), nodes: sorted(nodes.map((id) => `${id} ${g.label(id)}`)),
    edges: sorted(traversals.flatMap((t) => t.edges.map((e) => edgeText(e.rel)))),
  };
}

import type { ElementDefinition } from 'cytoscape';
import { LineageEdge, LineageGraph, LineageNode } from '../types';

/**
 * Relationships stored against the flow of data (the derived thing points to its input, the
 * server to the served, a version to its dataset): drawn reversed so that every arrow goes
 * downstream, left to right (src/graph/relationships.ts: MADE_FROM, SERVING, VERSION_OF).
 */
const AGAINST_FLOW = new Set(['DERIVED_FROM', 'RUN_OF', 'READ', 'PRODUCED_BY', 'TRAINED_ON', 'USES_FEATURE', 'MEMBER', 'SERVES', 'VERSION_OF']);

export interface DrawnGraph {
  nodes: LineageNode[];
  edges: { source: string; target: string; type: string; viaField: boolean }[];
  origins: Set<string>;
  hiddenFields: number;
}

/** The union of the first answer and of every expansion (a node or edge once). */
export function mergeGraphs(graphs: LineageGraph[]): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  for (const g of graphs) {
    g.nodes.forEach((n) => nodes.set(n.id, n));
    g.edges.forEach((e) => edges.set(`${e.from}|${e.type}|${e.to}`, e));
  }
  return { truncated: graphs.some((g) => g.truncated), origins: graphs[0]?.origins ?? [], nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * What is drawn: edges in the direction of the data; without field level, FIELD nodes are left
 * out and each path through one becomes a dotted edge (a dataset version to the feature or field
 * computed from its column), so the graph stays connected.
 */
export function drawnGraph(graph: LineageGraph, showFields: boolean): DrawnGraph {
  const flow = graph.edges.map((e) => (AGAINST_FLOW.has(e.type)
    ? { source: e.to, target: e.from, type: e.type, viaField: false }
    : { source: e.from, target: e.to, type: e.type, viaField: false }));
  const origins = new Set(graph.origins.map((o) => o.id));
  const hidden = new Set(showFields ? [] : graph.nodes.filter((n) => n.type === 'FIELD' && !origins.has(n.id)).map((n) => n.id));
  let edges = flow;
  for (const field of hidden) {
    const into = edges.filter((e) => e.target === field);
    const out = edges.filter((e) => e.source === field);
    edges = edges.filter((e) => e.source !== field && e.target !== field);
    for (const a of into) for (const b of out) if (a.source !== b.target) edges.push({ source: a.source, target: b.target, type: b.type, viaField: true });
  }
  const unique = new Map(edges.map((e) => [`${e.source}|${e.target}`, e]));
  return { nodes: graph.nodes.filter((n) => !hidden.has(n.id)), edges: [...unique.values()], origins, hiddenFields: hidden.size };
}

export function toElements(g: DrawnGraph): ElementDefinition[] {
  return [
    ...g.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label, type: n.type, origin: g.origins.has(n.id) } })),
    ...g.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, type: e.type, viaField: e.viaField } })),
  ];
}

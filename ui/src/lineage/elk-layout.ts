import type { Core } from 'cytoscape';
import ELK, { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
// ELK's worker script, emitted with the build's assets: loaded from the service, never elsewhere.
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

/**
 * ELK's layered layout, run in a Web Worker so the page stays interactive (scroll, type, click)
 * while a large lineage is laid out; Cytoscape then only places the nodes where ELK put them.
 * One worker for the page, reused by every drawing.
 */
let elk: InstanceType<typeof ELK> | null = null;

/** Data flows left to right, one layer per step of the lineage. */
const BASE: LayoutOptions = {
  algorithm: 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.nodeNode': '12',
};
/** Small graphs: keep the answer's order within a layer (stable drawings as nodes are expanded). */
const SMALL: LayoutOptions = { ...BASE, 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' };
/**
 * Large graphs: measured with elkjs 0.9.3 on Node 20 (a shared 2-core machine), on a 1,000-node,
 * 1,900-edge lineage-like DAG the options above took 17-32 s, ELK's defaults 7-8 s, thoroughness 1
 * with polyline edges 1.0-1.5 s, and with simple node placement 0.7-0.9 s; on the bench's
 * 873-node, 2,672-edge lineage thoroughness 1 took 0.85-1.9 s with Brandes-Köpf node placement
 * and 0.6-0.7 s with simple placement. So: few crossing-minimisation sweeps, no model-order
 * constraints, simple placement (edges a little less straight).
 */
const LARGE: LayoutOptions = { ...BASE, 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE', 'elk.layered.nodePlacement.strategy': 'SIMPLE' };
export const LARGE_GRAPH_NODES = 200;

/** Starts the worker (loading and initialising ELK takes a while) while the page still waits for the lineage. */
export function warmUpLayout(): void {
  elk ??= new ELK({ workerUrl });
}

/**
 * Lays out the nodes and edges `c` holds now; resolves when they are placed with the milliseconds
 * spent waiting for the worker (null: `c` was destroyed meanwhile).
 */
export async function layOut(c: Core, padding = 20): Promise<number | null> {
  elk ??= new ELK({ workerUrl });
  const nodes = c.nodes();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: nodes.length >= LARGE_GRAPH_NODES ? LARGE : SMALL,
    children: nodes.map((n) => {
      const size = n.layoutDimensions({ nodeDimensionsIncludeLabels: false });
      return { id: n.id(), width: size.w, height: size.h };
    }),
    edges: c.edges().map((e) => ({ id: e.id(), sources: [e.source().id()], targets: [e.target().id()] })),
  };
  const asked = performance.now();
  const laidOut = await elk.layout(graph);
  const workerMs = performance.now() - asked;
  if (c.destroyed()) return null;
  // ELK places a node by its top-left corner, Cytoscape by its centre.
  const at = new Map((laidOut.children ?? []).map((k) => [k.id, { x: (k.x ?? 0) + (k.width ?? 0) / 2, y: (k.y ?? 0) + (k.height ?? 0) / 2 }]));
  c.batch(() => nodes.forEach((n) => { const p = at.get(n.id()); if (p) n.position(p); }));
  c.fit(undefined, padding);
  return workerMs;
}

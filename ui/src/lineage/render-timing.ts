/**
 * When the lineage was last drawn (laid out and painted): shown on the page, and read by the
 * browser tests (that a redraw happened) and by the benchmark (time to first render).
 */
export interface RenderInfo {
  /** Drawings so far on this page. */
  count: number;
  nodes: number;
  edges: number;
  /** Milliseconds from adding the elements to the first frame after the layout. */
  layoutMs: number;
  /** Of which waiting for ELK in its worker (the main thread is free meanwhile). */
  workerMs: number;
  /** Milliseconds since navigation start. */
  at: number;
}

const listeners = new Set<(info: RenderInfo) => void>();
let count = 0;

export function markRendered(nodes: number, edges: number, layoutMs: number, workerMs: number): void {
  count += 1;
  const info = { count, nodes, edges, layoutMs: Math.round(layoutMs), workerMs: Math.round(workerMs), at: Math.round(performance.now()) };
  document.body.dataset.lineageRendered = String(count);
  (window as unknown as { modelgraphLineageRender?: RenderInfo }).modelgraphLineageRender = info;
  listeners.forEach((l) => l(info));
}

export function onRendered(listener: (info: RenderInfo) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
